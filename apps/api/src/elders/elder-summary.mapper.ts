import type { ElderSummary } from '@eldercare/contracts';
import { ageOn, maskPhone, seesInFull, type Role } from '@eldercare/domain';
import type { ElderSummaryRecord } from '@eldercare/persistence';

/** An elder as a list shows them to `role`: the phone masked for a role that does not call. */
export function toElderSummary(record: ElderSummaryRecord, role: Role, now = Date.now()): ElderSummary {
  const phone = record.phone ?? '';
  return {
    id: record.id,
    name: record.name,
    gender: record.gender,
    age: ageOn(record.birthDate, now),
    categories: record.categories,
    phone: seesInFull(role, 'phone') ? phone : maskPhone(phone),
    place: {
      communityId: record.place.communityId,
      community: record.place.community,
      street: record.place.street ?? '',
      district: record.place.district ?? '',
    },
    devices: record.devices.map((device) => ({
      id: device.id,
      type: device.type,
      online: device.online,
      battery: device.battery,
    })),
    openAlerts: record.openAlerts,
  };
}
