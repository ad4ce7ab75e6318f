import type { Role } from './roles';

/** The fields of an elder's record that identify or let someone into the home. */
export type PersonalField = 'idNumber' | 'phone' | 'address' | 'keySafeCode' | 'contacts';

/**
 * Which personal fields each role sees in full; the rest are masked. Operators call the elder and the contacts,
 * send help to the address and read the key-safe code to the responder, but never need the ID number; the bureau
 * reads records for oversight and needs none of it.
 */
const SEES_IN_FULL: Record<Role, readonly PersonalField[]> = {
  operator: ['phone', 'address', 'keySafeCode', 'contacts'],
  supervisor: ['idNumber', 'phone', 'address', 'keySafeCode', 'contacts'],
  admin: ['idNumber', 'phone', 'address', 'keySafeCode', 'contacts'],
  family: ['idNumber', 'phone', 'address', 'keySafeCode', 'contacts'],
  caregiver: ['phone', 'address'],
  provider_admin: ['address'],
  bureau: [],
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
