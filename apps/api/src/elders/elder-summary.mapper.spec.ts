import type { Role } from '@eldercare/domain';
import type { ElderSummaryRecord } from '@eldercare/persistence';
import { toElderSummary } from './elder-summary.mapper';

const record: ElderSummaryRecord = {
  id: 'elder-1',
  name: '王秀英',
  gender: 'female',
  birthDate: '1941-05-02',
  categories: ['living_alone'],
  phone: '13907141234',
  place: { communityId: 'community-1', community: '东亭社区', street: '水果湖街道', district: null },
  devices: [{ id: 'btn-000001', type: 'call_button', online: true, battery: 80 }],
  openAlerts: 2,
};

describe('toElderSummary', () => {
  it.each<[Role, string]>([
    ['operator', '13907141234'],
    ['supervisor', '13907141234'],
    ['family', '13907141234'],
    ['admin', '13907141234'],
    ['bureau', '139****1234'],
  ])('shows the %s the phone as %s', (role, phone) => {
    expect(toElderSummary(record, role).phone).toBe(phone);
  });

  it('gives the age on the day and names a missing level of the place as empty', () => {
    expect(toElderSummary(record, 'operator', Date.parse('2026-11-23T00:00:00Z'))).toMatchObject({
      age: 85,
      place: { communityId: 'community-1', community: '东亭社区', street: '水果湖街道', district: '' },
      devices: [{ id: 'btn-000001', type: 'call_button', online: true, battery: 80 }],
      openAlerts: 2,
    });
  });

  it('masks an elder without a phone as empty, not as stars that suggest a number', () => {
    expect(toElderSummary({ ...record, phone: null }, 'bureau').phone).toBe('');
  });
});
