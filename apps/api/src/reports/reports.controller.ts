import type { ArchivedReportView, MonthlyReport } from '@eldercare/contracts';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { MonthlyReportQuery } from './report.dto';
import { ReportArchiveService } from './report-archive.service';
import { ReportsService } from './reports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const workbookFile = (fileName: string, workbook: Buffer) =>
  new StreamableFile(workbook, { type: XLSX_TYPE, disposition: `attachment; filename="${fileName}"` });

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly archive: ReportArchiveService,
  ) {}

  /**
   * The month's report of the viewer's scope or of one region in it; with `format=csv`, one table as a CSV file; with
   * `format=xlsx`, every table as an Excel workbook.
   */
  @Get('monthly')
  @Requires('reports.read')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async monthly(
    @CurrentViewer() viewer: Viewer,
    @Query() query: MonthlyReportQuery,
  ): Promise<MonthlyReport | StreamableFile> {
    const { month, regionId, tables, csvTable, workbook } = query;
    if (workbook) {
      const made = await this.reports.monthlyWorkbook(viewer.scope, { month, regionId });
      return workbookFile(made.fileName, made.workbook);
    }
    if (!csvTable) return this.reports.monthly(viewer.scope, { month, regionId, tables: tables ?? undefined });
    const { fileName, csv } = await this.reports.monthlyCsv(viewer.scope, { month, regionId, table: csvTable });
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  /** The months in the report archive, newest first: the city's, so only for those who see the whole city. */
  @Get('archive')
  @Requires('reports.read')
  archived(@CurrentViewer() viewer: Viewer): Promise<ArchivedReportView[]> {
    return this.archive.list(viewer.scope);
  }

  /** One archived month's workbook, as it was made; a path that is no month names no archived report. */
  @Get('archive/:month')
  @Requires('reports.read')
  @ApiProduces(XLSX_TYPE)
  async archivedWorkbook(@CurrentViewer() viewer: Viewer, @Param('month') month: string): Promise<StreamableFile> {
    return workbookFile(`report-${month}.xlsx`, await this.archive.workbookOf(viewer.scope, month));
  }
}
