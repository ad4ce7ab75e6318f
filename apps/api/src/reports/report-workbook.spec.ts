import type { MonthlyReport } from '@eldercare/contracts';
import { parseCsv } from '@eldercare/domain';
import { Workbook } from 'exceljs';
import { reportCsv } from './report-csv';
import { COVER_SHEET_TITLE, reportWorkbook, sheetTitleOf } from './report-workbook';

const REPORT: MonthlyReport = {
  month: '2025-03',
  region: null,
  tables: [
    {
      name: 'services',
      columns: ['服务商', '服务项目', '单位', '服务老人数', '完成率（已服务/计划，%）'],
      rows: [
        ['安心家政,东湖店', '助洁', '小时', 1, 100],
        ['颐康 "社区店"', '巡访·日常探视', '次', 2, 37.5],
        ['康乐护理', '照护', null, 0, null],
      ],
    },
    { name: 'coverage', columns: ['区', '街道', '社区', '老人数'], rows: [] },
    { name: 'ratings', columns: ['服务商', '平均星级'], rows: [['-负数开头', -3.25]] },
  ],
};

async function readBack(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's cells as the CSV would spell them: numbers in their shortest form, nothing as an empty field. */
function sheetAsFields(workbook: Workbook, title: string, width: number): string[][] {
  const sheet = workbook.getWorksheet(title);
  if (!sheet) throw new Error(`no sheet ${title}`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, index) => String(row.getCell(index + 1).value ?? '')));
  });
  return rows;
}

describe('reportWorkbook', () => {
  const madeAt = new Date('2025-04-01T01:00:00+08:00');
  const sut = () => reportWorkbook(REPORT, { regionName: '全市', madeAt });

  it('opens with a cover sheet naming the region, the month and when it was made, then one sheet per table', async () => {
    const workbook = await readBack(await sut());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      COVER_SHEET_TITLE,
      '服务兑现',
      '设备覆盖',
      '评价与投诉',
    ]);
    expect(sheetAsFields(workbook, COVER_SHEET_TITLE, 2)).toEqual([
      ['报表', '月度报表'],
      ['区域', '全市'],
      ['月份', '2025-03'],
      ['生成时间', '2025-04-01 01:00（北京时间）'],
    ]);
  });

  it.each(REPORT.tables.map((table) => [table.name, table] as const))(
    'reads back the %s table with the same figures as its CSV',
    async (name, table) => {
      const workbook = await readBack(await sut());
      const { records, problems } = parseCsv(reportCsv(table).slice(1));
      expect(problems).toEqual([]);
      const csvFields = records.map((record) => record.fields);
      expect(sheetAsFields(workbook, sheetTitleOf(name), table.columns.length)).toEqual(
        // The CSV defuses text that a spreadsheet would take for a formula; the workbook's text cells need not.
        csvFields.map((fields) => fields.map((field) => field.replace(/^'(?=[=+\-@\t\r])/, ''))),
      );
    },
  );

  it('keeps numbers as numbers and an empty figure as an empty cell', async () => {
    const sheet = (await readBack(await sut())).getWorksheet('服务兑现')!;
    expect(sheet.getRow(3).getCell(5).value).toBe(37.5);
    expect(sheet.getRow(4).getCell(3).value).toBeNull();
    expect((await readBack(await sut())).getWorksheet('评价与投诉')!.getRow(2).values).toEqual([
      undefined,
      '-负数开头',
      -3.25,
    ]);
  });
});
