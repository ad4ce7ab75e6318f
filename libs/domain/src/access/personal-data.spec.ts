import { ROLES } from './roles';
import { maskAddress, maskIdNumber, maskKeySafeCode, maskMiddle, maskPhone, seesInFull } from './personal-data';

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
    expect(
      (['idNumber', 'phone', 'address', 'keySafeCode', 'contacts'] as const).some((field) =>
        seesInFull('bureau', field),
      ),
    ).toBe(false);
  });

  it('lets operators call and send help: phone, contacts, address and key safe in full', () => {
    expect(
      (['phone', 'contacts', 'address', 'keySafeCode'] as const).every((field) => seesInFull('operator', field)),
    ).toBe(true);
  });
});
