import { DomainError } from '../errors/domain-error';
import { parseCsv, readCsvTable } from './csv-table';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b,c\n', [{ line: 1, fields: ['a', 'b', 'c'] }]],
    [
      'CRLF between records, none after the last',
      'a,b\r\nc,d',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    [
      'a lone CR between records',
      'a\rb\r',
      [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
    ],
    ['empty fields', ',,\n', [{ line: 1, fields: ['', '', ''] }]],
    ['a quoted field with a comma', '"a,b",c\n', [{ line: 1, fields: ['a,b', 'c'] }]],
    ['a quoted field with quotes written twice', '"say ""hi""",x\n', [{ line: 1, fields: ['say "hi"', 'x'] }]],
    ['an empty quoted field', '"",x\n', [{ line: 1, fields: ['', 'x'] }]],
    [
      'a quoted field over two lines, which puts the next record on line 3',
      '"3栋\r\n501",x\r\nnext,y\r\n',
      [
        { line: 1, fields: ['3栋\r\n501', 'x'] },
        { line: 3, fields: ['next', 'y'] },
      ],
    ],
    ['spaces kept as written', ' a , b \n', [{ line: 1, fields: [' a ', ' b '] }]],
    [
      'a blank line as a record of one empty field',
      'a\n\nb\n',
      [
        { line: 1, fields: ['a'] },
        { line: 2, fields: [''] },
        { line: 3, fields: ['b'] },
      ],
    ],
    ['nothing', '', []],
  ])('reads %s', (_case, text, records) => {
    expect(parseCsv(text)).toEqual({ records, problems: [] });
  });

  it('keeps the text of a quote inside an unquoted field, with a problem on its line', () => {
    expect(parseCsv('a,b\n"c""",d"e\nf,g\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c"', 'd"e'] },
        { line: 3, fields: ['f', 'g'] },
      ],
      problems: [{ line: 2, column: '', message: expect.stringMatching(/inside a field that is not in quotes/) }],
    });
  });

  it('names the line of text after a closing quote, whose field then runs to the end of the file', () => {
    expect(parseCsv('a,b\n"c"d,e\nf,g\n')).toEqual({
      records: [{ line: 1, fields: ['a', 'b'] }],
      problems: [{ line: 2, column: '', message: expect.stringMatching(/after the closing "/) }],
    });
  });

  it('stops at a quote never closed, naming the line it opened on', () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toEqual({
      records: [{ line: 1, fields: ['a', 'b'] }],
      problems: [{ line: 2, column: '', message: expect.stringMatching(/never closed/) }],
    });
  });
});

describe('readCsvTable', () => {
  const columns = ['name', 'phone'] as const;
  const limits = { maxRows: 3, maxBytes: 1024 };
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads the rows under the header by column, with their lines', () => {
    expect(
      readCsvTable(bytes('name,phone\r\n王秀英,13907911234\r\n"李,建国",0791-86123456\r\n'), columns, limits),
    ).toEqual({
      rows: [
        { line: 2, cells: { name: '王秀英', phone: '13907911234' } },
        { line: 3, cells: { name: '李,建国', phone: '0791-86123456' } },
      ],
      problems: [],
    });
  });

  it('drops a UTF-8 byte-order mark before the header', () => {
    expect(readCsvTable(bytes('\uFEFFname,phone\n王秀英,13907911234\n'), columns, limits).rows).toHaveLength(1);
  });

  it('skips rows of empty fields, which spreadsheets leave at the end', () => {
    expect(readCsvTable(bytes('name,phone\n王秀英,1\n,\n \n'), columns, limits)).toEqual({
      rows: [{ line: 2, cells: { name: '王秀英', phone: '1' } }],
      problems: [],
    });
  });

  it.each([
    ['a misspelt column', 'name,phnoe\n', 'phone'],
    ['columns in another order', 'phone,name\n', 'name'],
    ['a column more', 'name,phone,age\n', ''],
    ['a column less', 'name\n', 'phone'],
  ])('refuses a header with %s, naming the column', (_case, text, column) => {
    expect(readCsvTable(bytes(text), columns, limits)).toEqual({
      rows: [],
      problems: [{ line: 1, column, message: 'the header must be exactly: name,phone' }],
    });
  });

  it('refuses an empty file', () => {
    expect(readCsvTable(bytes(''), columns, limits).problems).toEqual([
      { line: 1, column: '', message: expect.stringMatching(/empty/) },
    ]);
  });

  it('names every row with the wrong number of fields or a syntax problem, and leaves them out', () => {
    const sut = readCsvTable(bytes('name,phone\na\nb,1\nc,2,3\nd"d,4\n'), columns, { ...limits, maxRows: 10 });
    expect(sut.rows).toEqual([{ line: 3, cells: { name: 'b', phone: '1' } }]);
    expect(sut.problems).toEqual([
      { line: 2, column: '', message: 'has 1 fields; the header has 2' },
      { line: 4, column: '', message: 'has 3 fields; the header has 2' },
      { line: 5, column: '', message: expect.stringMatching(/not in quotes/) },
    ]);
  });

  it('refuses a file that is not UTF-8 (a spreadsheet saved as GBK), naming the line of the first bad byte', () => {
    const gbk = Uint8Array.from([...bytes('name,phone\n'), 0xcd, 0xf5, 0xd0, 0xe3, 0x2c, 0x31, 0x0a]);
    expect(readCsvTable(gbk, columns, limits)).toEqual({
      rows: [],
      problems: [{ line: 2, column: '', message: expect.stringMatching(/not UTF-8/) }],
    });
  });

  it.each([
    ['more rows than allowed', 'name,phone\n' + 'a,1\n'.repeat(4)],
    ['more bytes than allowed', 'name,phone\n' + `${'a'.repeat(1100)},1\n`],
  ])('refuses a file with %s as import-too-large', (_case, text) => {
    const read = () => readCsvTable(bytes(text), columns, limits);
    expect(read).toThrow(DomainError);
    expect(read).toThrow(
      expect.objectContaining({
        code: 'import-too-large',
        message: 'a file may hold at most 3 rows and 1 kB: split it',
      }),
    );
  });

  it('takes exactly the allowed number of rows', () => {
    expect(readCsvTable(bytes('name,phone\n' + 'a,1\n'.repeat(3)), columns, limits).rows).toHaveLength(3);
  });
});
