import type { ElderCard } from '@eldercare/contracts';
import {
  ageOn,
  maskAddress,
  maskIdNumber,
  maskKeySafeCode,
  maskPhone,
  seesInFull,
  type PersonalField,
  type Role,
} from '@eldercare/domain';
import type { ElderRecord } from '@eldercare/persistence';

/** The elder's record as `role` may see it: each personal field it does not need is masked and listed. */
export function toElderCard(record: ElderRecord, role: Role, now = Date.now()): ElderCard {
  const masked: PersonalField[] = [];
  const show = <T>(field: PersonalField, value: T, mask: (value: T) => T): T => {
    if (seesInFull(role, field)) return value;
    masked.push(field);
    return mask(value);
  };
  return {
    id: record.id,
    name: record.name,
    gender: record.gender,
    birthDate: record.birthDate,
    age: ageOn(record.birthDate, now),
    categories: record.categories,
    idNumber: show('idNumber', record.idNumber ?? '', maskIdNumber),
    phone: show('phone', record.phone ?? '', maskPhone),
    address: show('address', record.address, maskAddress),
    keySafeCode: show('keySafeCode', record.keySafeCode, (code) => (code === null ? null : maskKeySafeCode(code))),
    medicalNotes: record.medicalNotes,
    contacts: show('contacts', record.contacts, (contacts) =>
      contacts.map((contact) => ({ ...contact, phone: maskPhone(contact.phone) })),
    ),
    home: seesInFull(role, 'address') ? record.home : null,
    place: {
      community: record.place.community,
      street: record.place.street ?? '',
      district: record.place.district ?? '',
    },
    masked,
  };
}
