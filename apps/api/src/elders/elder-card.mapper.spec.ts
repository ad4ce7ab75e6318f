import type { ElderRecord } from '@eldercare/persistence';
import { toElderCard } from './elder-card.mapper';

const record: ElderRecord = {
  id: 'elder-1',
  name: '王秀英',
  gender: 'female',
  birthDate: '1941-05-02',
  categories: ['living_alone', 'advanced_age'],
  idNumber: '420106194105021228',
  phone: '13907141234',
  address: '东湖区水果湖街道东亭社区3栋2单元501',
  keySafeCode: '4821',
  medicalNotes: '高血压，服用氨氯地平',
  contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
  home: { lat: 30.55, lon: 114.35 },
  place: { community: '东亭社区', street: '水果湖街道', district: '东湖区' },
};

describe('toElderCard', () => {
  it('shows an operator what it takes to call and send help, but not the ID number', () => {
    const sut = toElderCard(record, 'operator', Date.parse('2026-11-23T00:00:00Z'));
    expect(sut).toMatchObject({
      phone: '13907141234',
      keySafeCode: '4821',
      address: record.address,
      idNumber: '420106********1228',
      birthDate: null,
      medicalNotes: record.medicalNotes,
      masked: ['birthDate', 'idNumber'],
      age: 85,
    });
    expect(sut.contacts[0].phone).toBe('13811112222');
  });

  it('masks every personal field for the bureau and leaves out the home position', () => {
    const sut = toElderCard(record, 'bureau');
    expect(sut.masked).toEqual([
      'birthDate',
      'idNumber',
      'phone',
      'address',
      'keySafeCode',
      'contacts',
      'medicalNotes',
    ]);
    expect(sut).toMatchObject({ phone: '139****1234', keySafeCode: '****', home: null, medicalNotes: null });
    expect(sut.contacts[0].phone).toBe('138****2222');
    expect(JSON.stringify(sut)).not.toMatch(/4821|1941-05-02|19410502|高血压/);
  });

  it('shows the family everything about their own elder', () => {
    expect(toElderCard(record, 'family').masked).toEqual([]);
  });
});
