import type { MonthlyReport } from '@eldercare/contracts';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { MonthlyReportQuery } from './report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The month's report of the viewer's scope or of one region in it; with `format=csv`, one table as a CSV file. */
  @Get('monthly')
  @Requires('reports.read')
  @ApiProduces('application/json', 'text/csv')
  async monthly(
    @CurrentViewer() viewer: Viewer,
    @Query() query: MonthlyReportQuery,
  ): Promise<MonthlyReport | StreamableFile> {
    const { month, regionId, tables, csvTable } = query;
    if (!csvTable) return this.reports.monthly(viewer, { month, regionId, tables: tables ?? undefined });
    const { fileName, csv } = await this.reports.monthlyCsv(viewer, { month, regionId, table: csvTable });
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
