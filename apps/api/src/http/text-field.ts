import { hiddenCharacterIn } from '@eldercare/domain';
import { z } from 'zod';

/**
 * Characters nobody types into notes: control characters (tabs and line breaks apart), lone surrogates, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that turn the text after them around on screen.
 * Refused rather than stored (Postgres cannot store NUL at all); everything else, markup, quotes and emoji joiners
 * included, is stored as written and only ever sent back as JSON text.
 */
const HIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;

/**
 * A name, an address, a code: trimmed, at most `max` characters, on one line, and nothing in it hidden (no control,
 * bidi or zero-width character) so that what a reader sees is what is stored.
 */
export function singleLine(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, context) => {
      const hidden = hiddenCharacterIn(value);
      if (hidden)
        context.addIssue({
          code: 'custom',
          message: `must not hold ${hidden}: control, direction-changing and invisible characters (line breaks, bidi overrides, zero-width spaces) are refused in names`,
        });
    });
}

/** Notes, reasons, comments: trimmed, at most `max` characters, over several lines if need be. */
export function multiLine(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !HIDDEN_IN_TEXT.test(value),
      'must not hold control characters or bidi overrides (U+202A–U+202E, U+2066–U+2069)',
    );
}
