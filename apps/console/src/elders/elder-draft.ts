import type { ContactView, ElderCard, ElderInput } from '@eldercare/contracts';
import { ageOn, idNumberBirthDateProblem, isPhoneNumber, residentIdNumberProblem } from '@eldercare/domain';
import type { MessageKey } from '../i18n/messages.zh-CN';

/** What the elder form holds: text as typed, checked and turned into an `ElderInput` on submit. */
export interface ElderDraft {
  name: string;
  gender: ElderInput['gender'] | '';
  birthDate: string;
  idNumber: string;
  phone: string;
  address: string;
  communityId: string;
  /** The categories chosen by hand: 高龄 is not one of them, it follows from the birth date. */
  categories: string[];
  medicalNotes: string;
  contacts: ContactView[];
  keySafeCode: string;
  homeLat: string;
  homeLon: string;
}

/** A field of the form a problem is shown under; a contact's row is `contacts.<index>`. */
export type ElderField = Exclude<keyof ElderDraft, 'contacts'> | 'contacts' | `contacts.${number}`;

export type ElderProblems = Partial<Record<ElderField, MessageKey>>;

export const ADVANCED_AGE = 'advanced_age';

/** The longest text the api takes in each field: the inputs stop there rather than be refused. */
export const TEXT_LIMITS = {
  name: 50,
  address: 200,
  keySafeCode: 20,
  medicalNotes: 2000,
  contactName: 50,
  relation: 20,
} as const;

export const EMPTY_CONTACT: ContactView = { name: '', relation: '', phone: '' };

export const EMPTY_ELDER_DRAFT: ElderDraft = {
  name: '',
  gender: '',
  birthDate: '',
  idNumber: '',
  phone: '',
  address: '',
  communityId: '',
  categories: [],
  medicalNotes: '',
  contacts: [EMPTY_CONTACT],
  keySafeCode: '',
  homeLat: '',
  homeLon: '',
};

/** The form filled from a record, to edit it. `communityId` is looked up by the caller: the card has only names. */
export function draftFromCard(card: ElderCard, communityId: string): ElderDraft {
  return {
    name: card.name,
    gender: card.gender,
    birthDate: card.birthDate ?? '',
    idNumber: card.idNumber,
    phone: card.phone,
    address: card.address,
    communityId,
    categories: card.categories.filter((category) => category !== ADVANCED_AGE),
    medicalNotes: card.medicalNotes ?? '',
    contacts: card.contacts.length > 0 ? card.contacts.map((contact) => ({ ...contact })) : [EMPTY_CONTACT],
    keySafeCode: card.keySafeCode ?? '',
    homeLat: card.home ? String(card.home.lat) : '',
    homeLon: card.home ? String(card.home.lon) : '',
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

/** True when `text` is a `yyyy-mm-dd` that names a real day. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The elder's age at `now` on the platform's calendar (Asia/Shanghai, as the api counts it); null for no date. */
export function ageFromBirthDate(birthDate: string, now: number): number | null {
  return isDay(birthDate) ? ageOn(birthDate, now) : null;
}

/** 80 and over: 高龄 is a matter of age, not of choice. */
export const ADVANCED_AGE_YEARS = 80;

function coordinate(text: string, limit: number): number | null {
  if (!/^[-+]?\d+(\.\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : null;
}

const isBlank = (contact: ContactView) =>
  contact.name.trim() === '' && contact.relation.trim() === '' && contact.phone.trim() === '';

/**
 * Checks what the api would refuse, with the domain's own rules (the ID number's check character and the birth date
 * it encodes, dialable phone numbers), and builds the request. The api still has the last word: whether the
 * community is the writer's, whether the ID number is registered already.
 */
export function checkElderDraft(
  draft: ElderDraft,
  now: number,
): { ok: true; input: ElderInput } | { ok: false; problems: ElderProblems } {
  const problems: ElderProblems = {};
  const text = (value: string) => value.trim();

  if (text(draft.name) === '') problems.name = 'elder-form.required';
  if (draft.gender === '') problems.gender = 'elder-form.required';
  const age = ageFromBirthDate(draft.birthDate, now);
  if (draft.birthDate === '') problems.birthDate = 'elder-form.required';
  else if (age === null || age < 0) problems.birthDate = 'elder-form.bad-date';
  const idNumber = text(draft.idNumber).toUpperCase();
  if (idNumber === '') problems.idNumber = 'elder-form.required';
  else if (!ID_NUMBER.test(idNumber)) problems.idNumber = 'elder-form.bad-id-number';
  else if (residentIdNumberProblem(idNumber)) problems.idNumber = 'elder-form.id-number-invalid';
  else if (!problems.birthDate && idNumberBirthDateProblem(idNumber, draft.birthDate))
    problems.idNumber = 'elder-form.id-number-birth-date';
  if (text(draft.phone) !== '' && !isPhoneNumber(text(draft.phone))) problems.phone = 'elder-form.bad-phone';
  if (text(draft.address) === '') problems.address = 'elder-form.required';
  if (draft.communityId === '') problems.communityId = 'elder-form.required';

  const contacts: ContactView[] = [];
  draft.contacts.forEach((contact, index) => {
    if (isBlank(contact)) return;
    const row = { name: text(contact.name), relation: text(contact.relation), phone: text(contact.phone) };
    if (row.name === '' || row.phone === '') problems[`contacts.${index}`] = 'elder-form.contact-incomplete';
    else if (!isPhoneNumber(row.phone)) problems[`contacts.${index}`] = 'elder-form.bad-phone';
    contacts.push(row);
  });

  let home: ElderInput['home'] = null;
  if (text(draft.homeLat) !== '' || text(draft.homeLon) !== '') {
    const lat = coordinate(draft.homeLat, 90);
    const lon = coordinate(draft.homeLon, 180);
    if (lat === null) problems.homeLat = 'elder-form.bad-position';
    if (lon === null) problems.homeLon = 'elder-form.bad-position';
    if (lat !== null && lon !== null) home = { lat, lon };
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const chosen = draft.categories.filter((category) => category !== ADVANCED_AGE);
  const categories = age !== null && age >= ADVANCED_AGE_YEARS ? [...chosen, ADVANCED_AGE] : chosen;
  return {
    ok: true,
    input: {
      name: text(draft.name),
      gender: draft.gender as ElderInput['gender'],
      birthDate: draft.birthDate,
      idNumber,
      phone: text(draft.phone),
      address: text(draft.address),
      communityId: draft.communityId,
      categories,
      medicalNotes: text(draft.medicalNotes),
      contacts,
      keySafeCode: text(draft.keySafeCode) === '' ? null : text(draft.keySafeCode),
      home,
    },
  };
}

/** The contacts with the one at `index` moved up (-1) or down (+1) the calling order. */
export function moveContact(contacts: readonly ContactView[], index: number, by: -1 | 1): ContactView[] {
  const to = index + by;
  if (index < 0 || index >= contacts.length || to < 0 || to >= contacts.length) return [...contacts];
  const moved = [...contacts];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}

export function removeContact(contacts: readonly ContactView[], index: number): ContactView[] {
  return contacts.filter((_, at) => at !== index);
}

/** Turns a path the api named in a refusal (`home.lat`, `contacts.1.phone`) into the form field to show it under. */
export function elderFieldOf(path: string): ElderField | null {
  const [head, second] = path.split('.');
  if (head === 'home') return second === 'lon' ? 'homeLon' : 'homeLat';
  if (head === 'contacts')
    return second !== undefined && /^\d+$/.test(second) ? `contacts.${Number(second)}` : 'contacts';
  const fields: readonly string[] = Object.keys(EMPTY_ELDER_DRAFT);
  return fields.includes(head) ? (head as ElderField) : null;
}
