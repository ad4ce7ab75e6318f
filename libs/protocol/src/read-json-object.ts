import { MAX_UPLINK_BYTES } from './limits';
import { refusal, type Refusal } from './refusal';
import { capDetail, describeValue } from './refusal-detail';

// fatal: invalid bytes throw instead of becoming U+FFFD, which would turn a broken payload into a different one.
// ignoreBOM: a byte-order mark is kept, so JSON.parse refuses it rather than the decoder hiding it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A payload read as one JSON object; its values are untrusted and its keys may be anything, `__proto__` included. */
export interface JsonObjectRead {
  ok: true;
  value: Record<string, unknown>;
}

/**
 * The checks every device payload gets before its meaning: size, UTF-8, JSON, one object. The size is checked
 * first, on the raw bytes, so an oversized payload costs nothing to refuse.
 */
export function readJsonObject(payload: Uint8Array): JsonObjectRead | Refusal {
  if (payload.byteLength > MAX_UPLINK_BYTES) {
    return refusal('too-large', `payload is ${payload.byteLength} bytes; the limit is ${MAX_UPLINK_BYTES}`);
  }
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return refusal('not-utf8', 'payload is not valid UTF-8');
  }
  if (text.startsWith('\ufeff'))
    return refusal('not-json', 'payload starts with a byte-order mark; send JSON without one');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The engine's message quotes a little of the input; capDetail escapes it and keeps it short.
    const reason = error instanceof Error ? error.message : 'unreadable';
    return refusal('not-json', capDetail(`payload is not JSON: ${reason}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refusal('not-an-object', `payload is ${describeValue(value)}, not a JSON object`);
  }
  return { ok: true, value: value as Record<string, unknown> };
}
