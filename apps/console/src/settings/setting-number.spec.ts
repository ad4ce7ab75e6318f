import { readSettingNumber, readSettingNumbers } from './setting-number';

describe('readSettingNumber', () => {
  const days = { min: 1, max: 366 };

  it('reads a whole number within the bounds, spaces around it ignored', () => {
    expect(readSettingNumber(' 14 ', days)).toEqual({ ok: true, value: 14 });
    expect(readSettingNumber('366', days)).toEqual({ ok: true, value: 366 });
  });

  it.each([
    ['', 'settings.required'],
    ['7.5', 'settings.whole-number'],
    ['-3', 'settings.whole-number'],
    ['1e3', 'settings.whole-number'],
    ['0', 'settings.out-of-range'],
    ['367', 'settings.out-of-range'],
  ])('refuses %p: %s', (text, problem) => {
    expect(readSettingNumber(text, days)).toEqual({ ok: false, problem });
  });

  it('reads a whole form, or names each field that is wrong', () => {
    expect(readSettingNumbers({ high: '7', key: '30' }, days)).toEqual({ ok: true, values: { high: 7, key: 30 } });
    expect(readSettingNumbers({ high: '7', key: '0', general: 'x' }, days)).toEqual({
      ok: false,
      problems: { key: 'settings.out-of-range', general: 'settings.whole-number' },
    });
  });
});
