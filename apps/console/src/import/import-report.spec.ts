import { importReportOf, problemsInOrder } from './import-report';

describe('importReportOf', () => {
  it('reads a report sent as the body', () => {
    expect(importReportOf({ imported: 12, problems: [] })).toEqual({ imported: 12, problems: [] });
    expect(
      importReportOf({ imported: 0, problems: [{ line: 3, column: 'idNumber', message: 'check character' }] }),
    ).toEqual({
      imported: 0,
      problems: [{ line: 3, column: 'idNumber', message: 'check character' }],
    });
  });

  it('reads the report in the details of an error body, as the api sends a 422', () => {
    const body = {
      error: {
        code: 'import-invalid',
        message: '1 problem(s) on 1 line(s); nothing was imported',
        details: { imported: 0, problems: [{ line: 4, column: 'idNumber', message: 'x' }] },
      },
    };
    expect(importReportOf(body)).toEqual({ imported: 0, problems: [{ line: 4, column: 'idNumber', message: 'x' }] });
  });

  it('reads the problems inside an error body', () => {
    expect(
      importReportOf({
        error: {
          code: 'import-invalid',
          message: '2 problems',
          problems: [{ line: 2, column: 'gender', message: 'female or male' }],
        },
      }),
    ).toEqual({
      imported: 0,
      problems: [{ line: 2, column: 'gender', message: 'female or male' }],
    });
  });

  it.each([
    [null],
    ['imported'],
    [{ imported: 3 }],
    [{ problems: [{ line: '2' }] }],
    [{ error: { code: 'invalid-request', message: 'x' } }],
  ])('finds no report in %p', (body) => {
    expect(importReportOf(body)).toBeNull();
  });
});

describe('problemsInOrder', () => {
  it('sorts by line, then by column order in the file', () => {
    const sut = problemsInOrder(
      [
        { line: 4, column: 'name', message: 'a' },
        { line: 2, column: 'phone', message: 'b' },
        { line: 2, column: 'file', message: 'c' },
        { line: 2, column: 'name', message: 'd' },
      ],
      ['name', 'gender', 'phone'],
    );
    expect(sut.map((problem) => problem.message)).toEqual(['d', 'b', 'c', 'a']);
  });
});
