import { ELDER_CSV_COLUMNS } from '@eldercare/contracts';

export type ElderCsvColumn = (typeof ELDER_CSV_COLUMNS)[number];

/** Columns a row may leave empty; the rest must be filled. */
export const OPTIONAL_COLUMNS: readonly ElderCsvColumn[] = [
  'phone',
  'categories',
  'medicalNotes',
  'contacts',
  'keySafeCode',
  'homeLat',
  'homeLon',
];

/** A filled-in row for the template: what each column looks like. Its ID number carries a correct check character. */
export const EXAMPLE_ROW: Record<ElderCsvColumn, string> = {
  name: '王秀英',
  gender: 'female',
  birthDate: '1940-03-08',
  idNumber: '360102194003081028',
  phone: '13807911000',
  address: '南昌市东湖区八一大道 318 号 2 栋 401',
  communityCode: '360102001001',
  categories: 'living_alone;semi_disabled',
  medicalNotes: '高血压，青霉素过敏',
  contacts: '李娟|女儿|13907912000;吴海燕|社区网格员|13707913000',
  keySafeCode: '4123',
  homeLat: '28.683',
  homeLon: '115.898',
};

const BOM = '\uFEFF';

/** One CSV cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The template to download: the header row and one example. It starts with a byte-order mark so that Excel, which
 * otherwise reads a CSV in the system's code page (GBK on a Chinese Windows), shows the Chinese as written.
 */
export function elderCsvTemplate(): string {
  const lines = [
    ELDER_CSV_COLUMNS.join(','),
    ELDER_CSV_COLUMNS.map((column) => csvCell(EXAMPLE_ROW[column])).join(','),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The text as it goes to the api: without the byte-order mark Excel writes when saving as UTF-8 CSV. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export interface CsvShape {
  /** Header columns the api expects and the file lacks. */
  missing: string[];
  /** Header columns the api does not know. */
  unknown: string[];
  /** Lines with something on them after the header: the rows to import, give or take quoted line breaks. */
  rows: number;
  /** The text read as UTF-8 had bytes that are not: most likely a file Excel saved in GBK. */
  notUtf8: boolean;
}

/**
 * A first look at a file before it is sent: whether its header has the columns, and about how many rows follow.
 * Only a hint; the api reads the file properly and has the last word.
 */
export function csvShape(text: string): CsvShape {
  const lines = withoutBom(text).split(/\r?\n/);
  const header = lines[0]
    .split(',')
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'))
    .filter((cell) => cell !== '');
  const expected: readonly string[] = ELDER_CSV_COLUMNS;
  return {
    missing: expected.filter((column) => !header.includes(column)),
    unknown: header.filter((column) => !expected.includes(column)),
    rows: lines.slice(1).filter((line) => line.trim() !== '').length,
    notUtf8: text.includes('\uFFFD'),
  };
}
