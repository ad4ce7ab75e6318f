/**
 * Characters that are not seen but change what is: controls, format characters (bidi embeddings, overrides and
 * isolates U+202A–U+202E and U+2066–U+2069, marks U+200E–U+200F, zero-width U+200B–U+200D, U+2060, U+FEFF, the soft
 * hyphen…), line and paragraph separators, and lone surrogates. In a name, `SEC\u202Etxt.exe` shows as "SECexe.txt".
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * The first character of `value` that a name or an identifier must not hold, as `U+202E`; undefined when there is
 * none. Names and identifiers are written for people to read and compare, so nothing in them may hide.
 */
export function hiddenCharacterIn(value: string): string | undefined {
  const found = HIDDEN.exec(value)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
