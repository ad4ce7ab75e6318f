import { hiddenCharacterIn } from './hidden-characters';

describe('hidden characters in names', () => {
  it.each([
    ['a right-to-left override', 'SEC\u202Etxt.exe', 'U+202E'],
    ['a left-to-right embedding', '王\u202A秀英', 'U+202A'],
    ['a pop directional formatting', '王秀英\u202C', 'U+202C'],
    ['a right-to-left isolate', '\u2067王秀英', 'U+2067'],
    ['a pop directional isolate', '王秀英\u2069', 'U+2069'],
    ['a zero-width space', '王\u200B秀英', 'U+200B'],
    ['a zero-width joiner', '王\u200D秀英', 'U+200D'],
    ['a right-to-left mark', '王\u200F秀英', 'U+200F'],
    ['a word joiner', '王\u2060秀英', 'U+2060'],
    ['a byte order mark', '\uFEFF王秀英', 'U+FEFF'],
    ['a soft hyphen', 'Zhang\u00ADMin', 'U+00AD'],
    ['a NUL', 'a\u0000b', 'U+0000'],
    ['an escape', 'a\u001B[31m', 'U+001B'],
    ['a line break', 'a\nb', 'U+000A'],
    ['a line separator', 'a\u2028b', 'U+2028'],
    ['a lone surrogate', 'a\uD800b', 'U+D800'],
  ])('finds %s', (_what, value, found) => {
    expect(hiddenCharacterIn(value)).toBe(found);
  });

  it.each([
    ['a Chinese name', '王秀英'],
    ['a name with a middle dot', '阿依古丽·买买提'],
    ['a Latin name with accents and an apostrophe', "Zoë O'Brien-Núñez"],
    ['an address with full-width digits', '东湖区八一大道１号3栋501'],
    ['an ordinary space', '李 建国'],
  ])('lets %s through', (_what, value) => {
    expect(hiddenCharacterIn(value)).toBeUndefined();
  });
});
