import { ELDER_CSV_COLUMNS } from '@eldercare/contracts';
import { csvCell, csvShape, elderCsvTemplate, withoutBom } from './elder-csv';

describe('elderCsvTemplate', () => {
  it('has the header in the api’s order and one example row, for Excel with a byte-order mark', () => {
    const sut = elderCsvTemplate();
    expect(sut.startsWith('\uFEFF')).toBe(true);
    const [header, example, end] = withoutBom(sut).split('\r\n');
    expect(header).toBe(ELDER_CSV_COLUMNS.join(','));
    expect(example.startsWith('王秀英,female,1940-03-08,360102194003081028,')).toBe(true);
    expect(end).toBe('');
  });

  it('reads back as the expected shape', () => {
    expect(csvShape(elderCsvTemplate())).toEqual({ missing: [], unknown: [], rows: 1, notUtf8: false });
  });
});

describe('csvCell', () => {
  it.each([
    ['王秀英', '王秀英'],
    ['八一大道 318 号, 2 栋', '"八一大道 318 号, 2 栋"'],
    ['say "hi"', '"say ""hi"""'],
    ['高血压，过敏', '高血压，过敏'],
  ])('writes %p as %p', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('csvShape', () => {
  it('names the columns missing and the ones not known, and counts the rows', () => {
    const sut = csvShape(
      'name,gender,"birthDate",idNo\r\n王秀英,female,1940-03-08,x\r\n\r\n李建国,male,1946-01-02,y\n',
    );
    expect(sut.missing).toEqual(
      ELDER_CSV_COLUMNS.filter((column) => !['name', 'gender', 'birthDate'].includes(column)),
    );
    expect(sut.unknown).toEqual(['idNo']);
    expect(sut.rows).toBe(2);
  });

  it('notices a file that was not UTF-8, which the browser read with replacement characters', () => {
    const gbkReadAsUtf8 = `${ELDER_CSV_COLUMNS.join(',')}\r\n\uFFFD\uFFFD\uFFFD,female\r\n`;
    expect(csvShape(gbkReadAsUtf8).notUtf8).toBe(true);
  });

  it('sees an empty file as every column missing and no rows', () => {
    expect(csvShape('')).toMatchObject({ missing: [...ELDER_CSV_COLUMNS], rows: 0 });
  });

  it('reads a header saved by Excel, with its byte-order mark', () => {
    expect(csvShape(`\uFEFF${ELDER_CSV_COLUMNS.join(',')}\r\n`)).toEqual({
      missing: [],
      unknown: [],
      rows: 0,
      notUtf8: false,
    });
  });
});
