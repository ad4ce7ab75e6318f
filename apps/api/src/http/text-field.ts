import { z } from 'zod';

/**
 * Characters nobody types into a form: control characters and lone surrogates. Refused rather than stored (Postgres
 * cannot store NUL at all); everything else, markup and quotes included, is stored as written and only ever sent
 * back as JSON text.
 */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
/** The same, but tabs and line breaks are part of text that runs over lines. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}]/u;

/** A name, an address, a code: trimmed, at most `max` characters, on one line. */
export function singleLine(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), 'must not hold control characters or line breaks');
}

/** Notes: trimmed, at most `max` characters, over several lines if need be. */
export function multiLine(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_IN_TEXT.test(value), 'must not hold control characters');
}
