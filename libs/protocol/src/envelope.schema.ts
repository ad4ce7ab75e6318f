import { z } from 'zod';
import { MAX_MSG_ID_CHARS } from './limits';

// Postgres text cannot hold NUL, and control characters in an id end up in logs and consoles; the protocol page
// says "string", which firmware makers read as printable text, so the platform holds them to that.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
// Lone surrogates only arrive through JSON `\ud800` escapes; they cannot be stored as UTF-8 nor compared reliably.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function codePointCount(text: string): number {
  // A surrogate pair is two UTF-16 units but one character; a lone surrogate counts as one, as JSON Schema counts it.
  return text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

/**
 * A message id, in uplinks and downlinks: 1 to 64 characters (code points), no control characters, well-formed
 * Unicode. The length is checked as code points, not UTF-16 units, so that it agrees with the exported JSON Schema.
 */
export const msgIdSchema = z
  .string()
  .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters')
  .refine((text) => !LONE_SURROGATE.test(text), 'must be well-formed Unicode')
  .refine((text) => {
    const length = codePointCount(text);
    return length >= 1 && length <= MAX_MSG_ID_CHARS;
  }, `must be 1 to ${MAX_MSG_ID_CHARS} characters`)
  .meta({
    minLength: 1,
    maxLength: MAX_MSG_ID_CHARS,
    description: 'Unique per device; a retransmission carries the same msgId and is handled once.',
  });

/** Device time of an uplink: integer epoch milliseconds, not negative, a safe integer. */
export const tsSchema = z
  .number()
  .int()
  .min(0)
  .describe('When the device saw it, epoch milliseconds. Omit when the device has no clock.');

/** The envelope fields every uplink carries; `kind` is checked against the kinds, not as free text. */
export const ENVELOPE_FIELDS = ['msgId', 'ts', 'kind'] as const;

/**
 * Envelope check for stage 1, before the device type is known. Not strict, and it copies nothing but its own keys,
 * so unknown fields (even `__proto__`) neither fail nor travel here; they are judged separately.
 */
export const envelopeSchema = z.object({
  msgId: msgIdSchema,
  ts: tsSchema.optional(),
  kind: z.string(),
});
