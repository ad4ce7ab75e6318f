import { ROLES, type Role } from './roles';
import {
  maskAddress,
  maskIdNumber,
  maskKeySafeCode,
  maskMiddle,
  maskPhone,
  personalDataFor,
  seesInFull,
  type PersonalData,
  type PersonalDataView,
} from './personal-data';

const data: PersonalData = {
  birthDate: '1928-05-26',
  idNumber: '360102192805260045',
  phone: '13907141234',
  address: '东湖区水果湖街道东亭社区3栋2单元501',
  keySafeCode: '4821',
  contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
  medicalNotes: '高血压，青霉素过敏',
};

/** What someone holding `view` can make of the ID number: its stars filled in from the birth date beside it. */
function rebuiltIdNumber(view: PersonalDataView): string | null {
  if (!view.idNumber.includes('*')) return view.idNumber;
  if (view.birthDate === null) return null;
  return view.idNumber.replace(/\*{8}/, view.birthDate.replaceAll('-', ''));
}

describe('personal data', () => {
  it.each([
    ['420102195203041234', '420102********1234'],
    ['42010219520304123X', '420102********123X'],
  ])('masks the ID number %s as %s', (idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked);
  });

  it('masks a mobile number but keeps its carrier prefix and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks an address after its first part', () => {
    expect(maskAddress('东湖区水果湖街道东亭社区3栋2单元501')).toBe('东湖区水果湖**************');
  });

  it('stars every character of a key-safe code', () => {
    expect(maskKeySafeCode('4821')).toBe('****');
  });

  it('stars a value too short to keep anything, counting characters, not bytes', () => {
    expect(maskMiddle('王五', 3, 4)).toBe('**');
  });

  it('never shows the bureau a personal field, and shows the ID number only to supervisors, admins and families', () => {
    expect(ROLES.filter((role) => seesInFull(role, 'idNumber')).sort()).toEqual(['admin', 'family', 'supervisor']);
    expect(personalDataFor('bureau', data).masked).toEqual([
      'birthDate',
      'idNumber',
      'phone',
      'address',
      'keySafeCode',
      'contacts',
      'medicalNotes',
    ]);
  });

  it('lets operators call, send help and brief the responder: phone, contacts, address, key safe and notes', () => {
    expect(
      (['phone', 'contacts', 'address', 'keySafeCode', 'medicalNotes'] as const).every((field) =>
        seesInFull('operator', field),
      ),
    ).toBe(true);
  });

  it.each(ROLES.map((role) => [role]))(
    'lets the whole answer to %s rebuild the ID number only if that role may see it',
    (role: Role) => {
      const { view } = personalDataFor(role, data);
      expect(rebuiltIdNumber(view) === data.idNumber).toBe(seesInFull(role, 'idNumber'));
      if (!seesInFull(role, 'idNumber')) expect(JSON.stringify(view)).not.toMatch(/1928|05-26|0526/);
    },
  );

  it('hides the medical notes from a role that reads records for oversight', () => {
    const sut = personalDataFor('bureau', data).view;
    expect(sut.medicalNotes).toBeNull();
    expect(JSON.stringify(sut)).not.toContain('高血压');
  });

  it('masks each field of the bureau’s view and keeps the operator’s working fields whole', () => {
    expect(personalDataFor('bureau', data).view).toEqual({
      birthDate: null,
      idNumber: '360102********0045',
      phone: '139****1234',
      address: '东湖区水果湖**************',
      keySafeCode: '****',
      contacts: [{ name: '李建国', relation: '儿子', phone: '138****2222' }],
      medicalNotes: null,
    });
    expect(personalDataFor('operator', data)).toEqual({
      view: { ...data, birthDate: null, idNumber: '360102********0045' },
      masked: ['birthDate', 'idNumber'],
    });
  });

  it('keeps an absent key-safe code absent', () => {
    expect(personalDataFor('bureau', { ...data, keySafeCode: null }).view.keySafeCode).toBeNull();
  });
});
