import Papa from 'papaparse';
import { DomainError } from '../errors/domain-error';

/** One record of a CSV file and the line of the file it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Something wrong in a file, where it is: `column` names the header's column, or is empty for the whole line. */
export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

export interface ParsedCsv {
  records: CsvRecord[];
  problems: CsvProblem[];
}

/** A row under a header, by column name. */
export interface CsvRow<C extends string> {
  line: number;
  cells: Record<C, string>;
}

export interface CsvTable<C extends string> {
  rows: CsvRow<C>[];
  problems: CsvProblem[];
}

export interface CsvLimits {
  /** Rows under the header, blank ones not counted. */
  maxRows: number;
  maxBytes: number;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed: a closing " is missing',
  InvalidQuotes: 'text after the closing " of a quoted field',
};
const UNQUOTED_QUOTE = 'a " inside a field that is not in quotes: put the whole field in quotes and write the " twice';

/**
 * Splits CSV text into records as RFC 4180 writes them (Papa Parse does the parsing): fields separated by commas,
 * records by CRLF (LF or CR alone accepted too), a field in double quotes may hold commas, line breaks and quotes
 * written twice. Nothing is trimmed or interpreted. Each record comes with the line it starts on, and each problem
 * on the line of its record: a quote inside an unquoted field, or text after a closing quote (the record is kept
 * as read); a quote never closed runs to the end of the file, so that record is left out.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const lineAt = lineFinder(text);
  const problem = (line: number, message: string) => {
    if (!problems.some((known) => known.line === line)) problems.push({ line, column: '', message });
  };
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: ({ data: fields, errors, meta }) => {
      const line = lineAt(start);
      const raw = text.slice(start, meta.cursor);
      // Papa Parse reads the end of the last line as one more, empty record.
      const trailing = start === text.length;
      start = meta.cursor;
      if (trailing) return;
      for (const error of errors) problem(line, QUOTE_PROBLEMS[error.code] ?? error.message);
      if (fields.some((field) => field.includes('"') && !raw.includes(`"${field.replaceAll('"', '""')}"`)))
        problem(line, UNQUOTED_QUOTE);
      if (!errors.some((error) => error.code === 'MissingQuotes')) records.push({ line, fields });
    },
  });
  return { records, problems };
}

/** The line (1-based) of each offset into `text`, for offsets asked in increasing order. */
function lineFinder(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset; at += 1) {
      const char = text[at];
      if (char === '\n' || (char === '\r' && text[at + 1] !== '\n')) line += 1;
    }
    return line;
  };
}

/**
 * Reads a CSV file whose first record must be exactly `columns`: UTF-8 (a byte-order mark is dropped), at most
 * `limits` in size (beyond them `import-too-large`, as nothing in such a file would be read). Every problem found is
 * returned, each with its line; a row with a syntax problem or the wrong number of fields is left out of `rows`,
 * and rows of empty fields only (what spreadsheets leave at the end) are skipped.
 */
export function readCsvTable<C extends string>(
  bytes: Uint8Array,
  columns: readonly C[],
  limits: CsvLimits,
): CsvTable<C> {
  if (bytes.byteLength > limits.maxBytes) throw csvTooLarge(limits);
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') return { rows: [], problems: [text] };

  const { records, problems } = parseCsv(text);
  const [header, ...body] = records;
  if (!header)
    return {
      rows: [],
      problems: [...problems, { line: 1, column: '', message: 'the file is empty: the first line must be the header' }],
    };
  const misnamed = columns.findIndex((column, index) => header.fields[index] !== column);
  if (misnamed >= 0 || header.fields.length !== columns.length) {
    const column = misnamed >= 0 ? columns[misnamed] : '';
    return {
      rows: [],
      problems: [{ line: header.line, column, message: `the header must be exactly: ${columns.join(',')}` }],
    };
  }

  const filled = body.filter((record) => record.fields.some((field) => field.trim() !== ''));
  if (filled.length > limits.maxRows) throw csvTooLarge(limits);
  const brokenLines = new Set(problems.map((problem) => problem.line));
  const rows: CsvRow<C>[] = [];
  for (const record of filled) {
    if (record.fields.length !== columns.length) {
      problems.push({
        line: record.line,
        column: '',
        message: `has ${record.fields.length} fields; the header has ${columns.length}`,
      });
    } else if (!brokenLines.has(record.line)) {
      rows.push({
        line: record.line,
        cells: Object.fromEntries(columns.map((column, index) => [column, record.fields[index]])) as Record<C, string>,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/** The refusal of a file over `limits`, for whoever meets it first: the reader, or what receives the upload. */
export function csvTooLarge(limits: CsvLimits): DomainError {
  const MB = 1024 * 1024;
  const size =
    limits.maxBytes >= MB
      ? `${Number((limits.maxBytes / MB).toFixed(1))} MB`
      : `${Math.ceil(limits.maxBytes / 1024)} kB`;
  return new DomainError('import-too-large', `a file may hold at most ${limits.maxRows} rows and ${size}: split it`);
}

/** The text, or the problem of the line with the first byte that is not UTF-8 (Excel saves "CSV" in GBK). */
function decodeUtf8(bytes: Uint8Array): string | CsvProblem {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    return { line, column: '', message: 'the file is not UTF-8 text: save it as "CSV UTF-8"' };
  }
}
