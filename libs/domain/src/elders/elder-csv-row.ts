import type { ElderFields } from './elder-fields';
import type { CsvLimits } from '../csv/csv-table';
import { ELDER_CATEGORIES } from './elder-category';

/** The largest import: a street's registry at once, small enough to check and write in one transaction. */
export const ELDER_IMPORT_LIMITS: CsvLimits = { maxRows: 5000, maxBytes: 2 * 1024 * 1024 };

/** The cells of one row of an elder import, as written (the columns of the import's header). */
export interface ElderCsvCells {
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  phone: string;
  address: string;
  communityCode: string;
  categories: string;
  medicalNotes: string;
  /** `name|relation|phone;name|relation|phone` */
  contacts: string;
  keySafeCode: string;
  homeLat: string;
  homeLon: string;
}

/**
 * A row turned into the shape of an elder's record, not yet checked: the same checks as a record sent as JSON come
 * next, and the community is still a code.
 */
export type ElderDraft = Omit<ElderFields, 'gender' | 'communityId'> & { gender: string; communityCode: string };

export interface ElderCsvCellProblem {
  column: keyof ElderCsvCells;
  message: string;
}

const GENDERS: Record<string, string> = { 女: 'female', 男: 'male' };
const CATEGORY_OF_LABEL = new Map<string, string>(
  Object.entries(ELDER_CATEGORIES).map(([code, label]) => [label.zh, code]),
);
/** What spreadsheets make of an 18-digit number typed into a cell not formatted as text. */
const SCIENTIFIC = /^\d(\.\d+)?E\+\d+$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Separators between the items of a list cell, with the full-width ones a Chinese keyboard types. */
const LIST_SEPARATOR = /[;；]/;
const CATEGORY_SEPARATOR = /[;；、]/;

/**
 * Reads the cells of a row as a spreadsheet user writes them: gender as female/male or 女/男, categories as codes or
 * their zh-CN labels separated by `;` (or `；` or `、`), a date as 1941-03-08 or 1941/3/8, contacts as
 * `name|relation|phone;…`, no key-safe code and no home position as empty cells. Returns the draft and what could
 * not be read (a contact so written is left out); what could be read but is wrong (an unknown category, a bad ID
 * number) is left to the record's checks.
 */
export function elderDraftFromCsv(cells: ElderCsvCells): { draft: ElderDraft; problems: ElderCsvCellProblem[] } {
  const problems: ElderCsvCellProblem[] = [];
  const idNumber = cells.idNumber.trim();
  if (SCIENTIFIC.test(idNumber))
    problems.push({
      column: 'idNumber',
      message: `the spreadsheet turned the ID number into the number ${idNumber}: format the column as text`,
    });

  const contacts: ElderDraft['contacts'] = [];
  items(cells.contacts, LIST_SEPARATOR).forEach((contact, index) => {
    const parts = contact.split('|').map((part) => part.trim());
    if (parts.length === 3) contacts.push({ name: parts[0], relation: parts[1], phone: parts[2] });
    else problems.push({ column: 'contacts', message: `contact ${index + 1} must be written name|relation|phone` });
  });

  return {
    draft: {
      name: cells.name,
      gender: GENDERS[cells.gender.trim()] ?? cells.gender.trim(),
      birthDate: isoDate(cells.birthDate.trim()),
      idNumber: cells.idNumber,
      phone: cells.phone,
      address: cells.address,
      communityCode: cells.communityCode,
      categories: items(cells.categories, CATEGORY_SEPARATOR).map(
        (category) => CATEGORY_OF_LABEL.get(category) ?? category,
      ),
      medicalNotes: cells.medicalNotes,
      contacts,
      keySafeCode: cells.keySafeCode.trim() === '' ? null : cells.keySafeCode,
      home: home(cells, problems),
    },
    problems,
  };
}

function items(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `1941/3/8` and `1941-3-8` as `1941-03-08`; anything else as written, for the date check to refuse. */
function isoDate(value: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : value;
}

function home(cells: ElderCsvCells, problems: ElderCsvCellProblem[]): ElderDraft['home'] {
  const lat = cells.homeLat.trim();
  const lon = cells.homeLon.trim();
  if (lat === '' && lon === '') return null;
  if (lat === '' || lon === '') {
    problems.push({ column: lat === '' ? 'homeLat' : 'homeLon', message: 'give both homeLat and homeLon, or neither' });
    return null;
  }
  const unreadable = (['homeLat', 'homeLon'] as const).filter((column) => !NUMBER.test(cells[column].trim()));
  for (const column of unreadable)
    problems.push({ column, message: `${cells[column].trim()} is not a number of degrees` });
  return unreadable.length > 0 ? null : { lat: Number(lat), lon: Number(lon) };
}
