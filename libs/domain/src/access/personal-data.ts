import type { EmergencyContact } from '../elders/elder-fields';
import type { Role } from './roles';

/** The fields of an elder's record that identify the elder, let someone into the home, or tell of their health. */
export const PERSONAL_FIELDS = [
  'birthDate',
  'idNumber',
  'phone',
  'address',
  'keySafeCode',
  'contacts',
  'medicalNotes',
] as const;

/** One of `PERSONAL_FIELDS`. */
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Which personal fields each role sees in full; the rest are masked. Operators call the elder and the contacts,
 * send help to the address, read the key-safe code and the medical notes to the responder, but never need the ID
 * number; the bureau reads records for oversight and needs none of it.
 *
 * The birth date goes with the ID number: a resident ID number holds the birth date in the very digits its mask
 * stars, so a role that saw the birth date beside a masked ID number could rebuild it. Such a role gets the age.
 */
const SEES_IN_FULL: Record<Role, readonly PersonalField[]> = {
  operator: ['phone', 'address', 'keySafeCode', 'contacts', 'medicalNotes'],
  supervisor: PERSONAL_FIELDS,
  admin: PERSONAL_FIELDS,
  family: PERSONAL_FIELDS,
  caregiver: ['phone', 'address'],
  provider_admin: ['address'],
  bureau: [],
  // The canteen's cashier sees a name, the categories and what to pay: nothing that identifies or opens a home.
  cashier: [],
  volunteer: ['phone', 'address'],
  // Both go to the home to build or to inspect the works: the door, nothing more.
  inspector: ['address'],
  contractor: ['address'],
};

export function seesInFull(role: Role, field: PersonalField): boolean {
  return SEES_IN_FULL[role].includes(field);
}

/** Keeps the first and last characters and stars the middle: `420102********1234`, `138****5678`. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

export const maskIdNumber = (idNumber: string): string => maskMiddle(idNumber, 6, 4);
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);
/** An address keeps its first part (the district and street): enough to know where, not the door. */
export const maskAddress = (address: string): string =>
  maskMiddle(address, Math.min(6, Math.floor([...address].length / 2)), 0);
export const maskKeySafeCode = (code: string): string => '*'.repeat([...code].length);

/** An elder's personal fields as stored. */
export interface PersonalData {
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  phone: string;
  address: string;
  keySafeCode: string | null;
  contacts: EmergencyContact[];
  medicalNotes: string;
}

/**
 * An elder's personal fields as a role may see them. A masked birth date or medical notes is `null`: a part of
 * either would still tell too much (the birth year beside the age narrows the birth date, a line of notes is a
 * diagnosis).
 */
export interface PersonalDataView {
  birthDate: string | null;
  idNumber: string;
  phone: string;
  address: string;
  keySafeCode: string | null;
  contacts: EmergencyContact[];
  medicalNotes: string | null;
}

/** The view of `data` that `role` may have, every field together, and which fields were masked, in field order. */
export function personalDataFor(role: Role, data: PersonalData): { view: PersonalDataView; masked: PersonalField[] } {
  const masked = PERSONAL_FIELDS.filter((field) => !seesInFull(role, field));
  const full = (field: PersonalField) => !masked.includes(field);
  return {
    view: {
      birthDate: full('birthDate') ? data.birthDate : null,
      idNumber: full('idNumber') ? data.idNumber : maskIdNumber(data.idNumber),
      phone: full('phone') ? data.phone : maskPhone(data.phone),
      address: full('address') ? data.address : maskAddress(data.address),
      keySafeCode:
        full('keySafeCode') || data.keySafeCode === null ? data.keySafeCode : maskKeySafeCode(data.keySafeCode),
      contacts: full('contacts')
        ? data.contacts
        : data.contacts.map((contact) => ({ ...contact, phone: maskPhone(contact.phone) })),
      medicalNotes: full('medicalNotes') ? data.medicalNotes : null,
    },
    masked,
  };
}
