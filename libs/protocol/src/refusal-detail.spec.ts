import { capDetail, describeUnknownFields, describeValue, MAX_DETAIL_CHARS, quoteUntrusted } from './refusal-detail';

describe('quoteUntrusted', () => {
  const sut = quoteUntrusted;

  it.each([
    ['plain text', 'panic', '"panic"'],
    ['an empty string', '', '""'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['control characters and NUL', '\u0000\u001b[2J\r\n', '"\\u0000\\u001b[2J\\u000d\\u000a"'],
    ['a bidi override', 'abc\u202edef', '"abc\\u202edef"'],
    ['a lone surrogate', 'x\ud800y', '"x\\ud800y"'],
    ['Chinese', '\u6c34\u8868', '"\\u6c34\\u8868"'],
    ['40 characters, the limit', 'q'.repeat(40), `"${'q'.repeat(40)}"`],
    ['41 characters', 'q'.repeat(41), `"${'q'.repeat(40)}"...`],
    ['a long string', 'z'.repeat(100_000), `"${'z'.repeat(40)}"...`],
    ['emoji, never split', '\u{1F4A3}'.repeat(10), `"${'\\ud83d\\udca3'.repeat(3)}"...`],
  ])('quotes %s as printable ASCII', (_description, text, quoted) => {
    expect(sut(text)).toBe(quoted);
  });
});

describe('capDetail', () => {
  const sut = capDetail;

  it('keeps a short printable detail as it is', () => {
    expect(sut('battery: must be <= 100')).toBe('battery: must be <= 100');
  });

  it(`cuts a long detail to ${MAX_DETAIL_CHARS} characters and says so`, () => {
    const result = sut('w'.repeat(1000));

    expect(result).toHaveLength(MAX_DETAIL_CHARS);
    expect(result.endsWith('...')).toBe(true);
  });

  it('escapes what is not printable ASCII', () => {
    expect(sut('bad \u0000 byte \u00e9')).toBe('bad \\u0000 byte \\u00e9');
  });
});

describe('describeValue', () => {
  const sut = describeValue;

  it.each<[string, unknown, string]>([
    ['a missing value', undefined, 'nothing'],
    ['null', null, 'null'],
    ['an array', [1], 'an array'],
    ['a finite number', 72.5, '72.5'],
    ['an overflowed number', Infinity, 'a number out of range'],
    ['NaN', NaN, 'a number out of range'],
    ['a boolean', false, 'false'],
    ['a string, without echoing it', 'secret', 'a string'],
    ['an object', { a: 1 }, 'an object'],
  ])('names %s', (_description, value, name) => {
    expect(sut(value)).toBe(name);
  });
});

describe('describeUnknownFields', () => {
  const sut = describeUnknownFields;

  it.each([
    [['x'], 'unknown field "x"'],
    [['x', 'y'], 'unknown fields "x", "y"'],
    [['a', 'b', 'c', 'd', 'e'], 'unknown fields "a", "b", "c" and 2 more'],
  ])('names %j', (keys, detail) => {
    expect(sut(keys)).toBe(detail);
  });
});
