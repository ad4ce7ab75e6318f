import { ALL_DOMAIN_ERROR_CODES } from './domain-error-code';

describe('DOMAIN_ERROR_CODES', () => {
  it('names each code once, in one area', () => {
    expect(new Set(ALL_DOMAIN_ERROR_CODES).size).toBe(ALL_DOMAIN_ERROR_CODES.length);
  });

  it('spells every code in kebab-case', () => {
    expect(ALL_DOMAIN_ERROR_CODES.filter((code) => !/^[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
  });
});
