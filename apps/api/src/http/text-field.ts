import { hiddenCharacterIn } from '@eldercare/domain';
import { z } from 'zod';

/**
 * Characters nobody types into notes: control characters (tabs and line breaks apart) and lone surrogates. Refused
 * rather than stored (Postgres cannot store NUL at all); everything else, markup and quotes included, is stored as
 * written and only ever sent back as JSON text.
 */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}]/u;

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

/** Notes: trimmed, at most `max` characters, over several lines if need be. */
export function multiLine(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_IN_TEXT.test(value), 'must not hold control characters');
}
