import { multiLine, singleLine } from './text-field';

describe('text fields', () => {
  const note = multiLine(50);
  const name = singleLine(50);

  it('keep notes over several lines, with tabs, markup, quotes and emoji joiners, trimmed', () => {
    const written = '  水龙头漏水\n\t<b>"已报修"</b> 👩‍⚕️  ';
    expect(note.parse(written)).toBe('水龙头漏水\n\t<b>"已报修"</b> 👩‍⚕️');
  });

  it.each([
    ['a bidi override', 'ok \u202Etxt.exe'],
    ['a bidi isolate', 'ok \u2066hidden\u2069'],
    ['a NUL', 'ok\u0000'],
    ['an escape', 'ok\u001B[31m'],
    ['a lone surrogate', 'ok\uD800'],
  ])('refuse %s in notes', (_, written) => {
    expect(note.safeParse(written).success).toBe(false);
  });

  it('refuse in names what they allow in notes: line breaks and zero-width characters', () => {
    for (const written of ['张\n敏', '张\u200B敏', '张\u202E敏']) expect(name.safeParse(written).success).toBe(false);
    expect(note.safeParse('张\n敏').success).toBe(true);
  });

  it('hold their length', () => {
    expect(note.safeParse('字'.repeat(51)).success).toBe(false);
    expect(name.safeParse('字'.repeat(50)).success).toBe(true);
  });
});
