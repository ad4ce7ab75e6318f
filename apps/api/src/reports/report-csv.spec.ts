import { parseCsv } from '@eldercare/domain';
import { reportCsv } from './report-csv';

describe('reportCsv', () => {
  const sut = reportCsv;

  it('starts with a UTF-8 byte-order mark and ends every record, the header first, with CRLF', () => {
    const csv = sut({ columns: ['服务商', '工单数'], rows: [['幸福家政', 3]] });
    expect(csv).toBe('\uFEFF服务商,工单数\r\n幸福家政,3\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header for a table without rows', () => {
    expect(sut({ columns: ['社区', '老人数'], rows: [] })).toBe('\uFEFF社区,老人数\r\n');
  });

  it.each([
    ['a comma', '安心家政,东湖店', '"安心家政,东湖店"'],
    ['a double quote (doubled)', '颐康 "社区店"', '"颐康 ""社区店"""'],
    ['a line feed', '第一行\n第二行', '"第一行\n第二行"'],
    ['a carriage return and line feed', '第一行\r\n第二行', '"第一行\r\n第二行"'],
  ])('quotes a cell holding %s, as RFC 4180 says', (_case, value, written) => {
    expect(sut({ columns: ['名称'], rows: [[value]] })).toBe(`\uFEFF名称\r\n${written}\r\n`);
  });

  it.each([
    ['plain text', '王秀英'],
    ['leading and trailing spaces (kept)', ' 助洁 '],
    ['a full-width comma', '完成率（已服务/计划，%）'],
    ['nothing', ''],
  ])('leaves a cell of %s unquoted', (_case, value) => {
    expect(sut({ columns: ['名称'], rows: [[value]] })).toBe(`\uFEFF名称\r\n${value}\r\n`);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","点击")', `"'=HYPERLINK(""http://evil.example"",""点击"")"`],
    ['+', '+86 139', "'+86 139"],
    ['-', '-1+2', "'-1+2"],
    ['@', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a tab', '\t=1+2', "'\t=1+2"],
    ['a carriage return', '\r=1+2', `"'\r=1+2"`],
  ])('defuses a text cell starting with %s by a leading apostrophe', (_start, value, written) => {
    expect(sut({ columns: ['服务商'], rows: [[value]] })).toBe(`\uFEFF服务商\r\n${written}\r\n`);
  });

  it('defuses headers as it does cells', () => {
    expect(sut({ columns: ['=1+2'], rows: [] })).toBe("\uFEFF'=1+2\r\n");
  });

  it('writes numbers as numbers, negative ones too, and null as an empty cell', () => {
    expect(sut({ columns: ['a', 'b', 'c', 'd'], rows: [[-3, 66.7, 0, null]] })).toBe('\uFEFFa,b,c,d\r\n-3,66.7,0,\r\n');
  });

  it('reads back, through an RFC 4180 parser, as the cells written (defused text keeping its apostrophe)', () => {
    const rows = [
      ['安心家政,东湖店', '颐康 "社区店"', '两行\r\n文字', 12.5, null],
      ['=1+2', '普通', '', 0, 3],
    ];
    const csv = sut({ columns: ['甲', '乙', '丙', '丁', '戊'], rows });
    const { records, problems } = parseCsv(csv.slice(1));
    expect(problems).toEqual([]);
    expect(records.map((record) => record.fields)).toEqual([
      ['甲', '乙', '丙', '丁', '戊'],
      ['安心家政,东湖店', '颐康 "社区店"', '两行\r\n文字', '12.5', ''],
      ["'=1+2", '普通', '', '0', '3'],
    ]);
  });
});
