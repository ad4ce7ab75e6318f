import { isMasked, maskedSummary } from './masking';

describe('masking hints', () => {
  it('say nothing when nothing was masked', () => {
    expect(maskedSummary({ masked: [] }, 'zh-CN')).toBeNull();
  });

  it('name the masked fields in the reader’s language', () => {
    expect(maskedSummary({ masked: ['idNumber', 'phone'] }, 'zh-CN')).toBe('按权限脱敏：身份证号、电话');
    expect(maskedSummary({ masked: ['idNumber', 'contacts'] }, 'en')).toBe(
      'Masked for your role: ID number, contact phones',
    );
  });

  it('tell which field is masked', () => {
    expect(isMasked({ masked: ['keySafeCode'] }, 'keySafeCode')).toBe(true);
    expect(isMasked({ masked: ['keySafeCode'] }, 'address')).toBe(false);
  });
});
