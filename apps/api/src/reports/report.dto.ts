import { z } from 'zod';
import { zodDto } from '../http/zod-dto';
import { REPORT_TABLE_NAMES, type ReportTableName } from './reports.service';

/** What the monthly report was asked for, once read. */
export interface MonthlyReportRequest {
  month: string;
  regionId?: string;
  /** As JSON, these tables, or all of them when null. */
  tables: ReportTableName[] | null;
  /** As CSV, this one table instead. */
  csvTable: ReportTableName | null;
  /** As an Excel workbook of every table instead. */
  workbook: boolean;
}

export class MonthlyReportQuery extends zodDto(
  z
    .strictObject({
      /** A local (Asia/Shanghai) month. */
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
      /** A district, street or community in the viewer's scope; the whole scope when left out. */
      regionId: z.uuid().optional(),
      /** `xlsx`: every table in one workbook, with a cover sheet. */
      format: z.enum(['json', 'csv', 'xlsx']).default('json'),
      /** One table by its name; needed for CSV, which holds one table. */
      table: z.enum(REPORT_TABLE_NAMES).optional(),
    })
    .transform(({ month, regionId, format, table }, context): MonthlyReportRequest => {
      const request = { month, regionId, tables: null, csvTable: null, workbook: false };
      if (format === 'json') return { ...request, tables: table ? [table] : null };
      if (format === 'xlsx' && !table) return { ...request, workbook: true };
      if (format === 'csv' && table) return { ...request, csvTable: table };
      if (format === 'xlsx') {
        context.addIssue({ code: 'custom', path: ['table'], message: 'a workbook holds every table: leave table out' });
        return z.NEVER;
      }
      context.addIssue({
        code: 'custom',
        path: ['table'],
        message: `a CSV file holds one table: name it, one of ${REPORT_TABLE_NAMES.join(', ')}`,
      });
      return z.NEVER;
    }),
) {}
