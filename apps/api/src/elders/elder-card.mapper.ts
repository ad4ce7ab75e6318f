import type { ElderCard } from '@eldercare/contracts';
import { ageOn, personalDataFor, seesInFull, type Role } from '@eldercare/domain';
import type { ElderRecord } from '@eldercare/persistence';

/** The elder's record as `role` may see it: each personal field it does not need is masked and listed. */
export function toElderCard(record: ElderRecord, role: Role, now = Date.now()): ElderCard {
  const { view, masked } = personalDataFor(role, {
    birthDate: record.birthDate,
    idNumber: record.idNumber ?? '',
    phone: record.phone ?? '',
    address: record.address,
    keySafeCode: record.keySafeCode,
    contacts: record.contacts,
    medicalNotes: record.medicalNotes,
  });
  return {
    id: record.id,
    name: record.name,
    gender: record.gender,
    age: ageOn(record.birthDate, now),
    categories: record.categories,
    ...view,
    home: seesInFull(role, 'address') ? record.home : null,
    place: {
      community: record.place.community,
      street: record.place.street ?? '',
      district: record.place.district ?? '',
    },
    masked,
  };
}
