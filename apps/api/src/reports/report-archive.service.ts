import type { ArchivedReportView } from '@eldercare/contracts';
import { DomainError, localMonthBounds, localMonthOf, type AccessScope } from '@eldercare/domain';
import { ReportArchiveRepository } from '@eldercare/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { ReportsService } from './reports.service';

const CITY: AccessScope = { kind: 'city' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before the local month containing `at`. */
export function monthBefore(at: number): string {
  return localMonthOf(localMonthBounds(localMonthOf(at)).start - 1);
}

/**
 * The report archive: the city's monthly report made as a workbook on schedule and kept, so that past months stay
 * downloadable as they were made. It covers the whole city, so only viewers who see the whole city see it.
 */
@Injectable()
export class ReportArchiveService {
  private readonly logger = new Logger(ReportArchiveService.name);

  constructor(
    private readonly reports: ReportsService,
    private readonly archive: ReportArchiveRepository,
  ) {}

  /** Makes the city's workbook of `month` now and keeps it, replacing one made before for the same month. */
  async archiveMonth(month: string, now = Date.now()): Promise<void> {
    const { workbook } = await this.reports.monthlyWorkbook(CITY, { month }, now);
    await this.archive.store(month, new Date(now), workbook);
    this.logger.log(`archived the report of ${month} (${workbook.length} bytes)`);
  }

  async list(scope: AccessScope): Promise<ArchivedReportView[]> {
    if (scope.kind !== 'city') return [];
    const months = await this.archive.list();
    return months.map((entry) => ({ month: entry.month, madeAt: entry.madeAt.toISOString(), bytes: entry.bytes }));
  }

  async workbookOf(scope: AccessScope, month: string): Promise<Buffer> {
    const workbook = scope.kind === 'city' && MONTH.test(month) ? await this.archive.workbookOf(month) : undefined;
    if (!workbook) throw new DomainError('archived-report-not-found', `the archive holds no report of ${month}`);
    return workbook;
  }
}
