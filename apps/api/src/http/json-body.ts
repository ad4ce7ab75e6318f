import { DomainError } from '@eldercare/domain';
import { json, type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';

/**
 * How deep a JSON body may nest. The api's deepest request is a few levels; validating a body thousands of levels
 * deep overflows the stack, so it is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests deeper than `max` objects and arrays, counted over its bytes without parsing it (brackets
 * inside strings do not count). UTF-8 continuation bytes never equal these ASCII ones, so bytes are enough.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** Runs on the raw bytes before parsing: an empty body is no JSON (body-parser would read it as `{}`), nor a deep one. */
function refuseEmptyOrDeep(_request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  if (bytes.toString('utf8').trim() === '')
    throw new DomainError('invalid-request', 'the body is empty: send JSON, or no Content-Type when there is none');
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH))
    throw new DomainError('body-too-deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
}

/**
 * `__proto__` as a key is never data: schemas that take free keys drop it silently, so `{"__proto__": …}` would pass
 * as `{}`. body-parser keeps only the message of what a reviver throws, and answers 400 with it.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new Error('a key named __proto__ is not accepted');
  return value;
}

/**
 * The api's JSON body parser: `application/json` only, a missing body left `undefined` (routes that need one refuse
 * that), an empty, too deep or prototype-keyed one refused. Named `jsonParser` like Nest's own, which Nest then does
 * not add a second time (as with `app.useBodyParser`).
 */
export function jsonBody(): RequestHandler {
  return json({ type: 'application/json', strict: true, verify: refuseEmptyOrDeep, reviver: refusePrototypeKeys });
}
