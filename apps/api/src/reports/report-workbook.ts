import type { MonthlyReport } from '@eldercare/contracts';
import { Workbook } from 'exceljs';

/** Each table's sheet, named as the console names the table in Chinese (Excel allows 31 characters, no `/\?*[]:`). */
const SHEET_TITLES: Record<string, string> = {
  alerts: '告警统计',
  response: '接警与处置时效',
  'false-alarms': '误报统计',
  services: '服务兑现',
  visits: '工单执行',
  ratings: '评价与投诉',
  coverage: '设备覆盖',
};

export const COVER_SHEET_TITLE = '封面';

/** What the cover sheet says besides the month. */
export interface WorkbookCover {
  /** The region the report is of, or the scope's words for all of it. */
  regionName: string;
  madeAt: Date;
}

/** `YYYY-MM-DD HH:MM` in Asia/Shanghai, the centre's clock. */
const centreTime = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The month's report as an Excel workbook: a cover sheet naming the region, the month and when it was made, then one
 * sheet per table with its header row frozen. Numbers stay numbers and an empty figure an empty cell; text is written
 * as text cells, which Excel never evaluates, so a name starting with `=` needs no defusing here as it does in CSV.
 */
export async function reportWorkbook(report: MonthlyReport, cover: WorkbookCover): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'eldercare-platform';
  workbook.created = cover.madeAt;

  const front = workbook.addWorksheet(COVER_SHEET_TITLE);
  front.columns = [{ width: 14 }, { width: 40 }];
  front.addRows([
    ['报表', '月度报表'],
    ['区域', cover.regionName],
    ['月份', report.month],
    ['生成时间', `${centreTime(cover.madeAt)}（北京时间）`],
  ]);
  front.getColumn(1).font = { bold: true };

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(SHEET_TITLES[table.name] ?? table.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    table.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = Math.max(10, Math.min(40, column.length * 2 + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sheet a table is written to, for readers of the workbook. */
export function sheetTitleOf(tableName: string): string {
  return SHEET_TITLES[tableName] ?? tableName;
}
