import type { z } from 'zod';

/** Longest refusal detail; a device's log line and a database column, not a report. */
export const MAX_DETAIL_CHARS = 200;
/** Longest quote of device input in a detail, counted in its escaped form. */
const MAX_QUOTED_CHARS = 40;
/** Issues named in one detail; the rest are counted, because a hostile payload can produce hundreds. */
const MAX_ISSUES_NAMED = 3;

// Details reach logs, Postgres text columns (which cannot hold NUL) and small device displays, so anything but
// printable ASCII is escaped rather than trusted: control characters, lone surrogates, bidi overrides.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

function toPrintableAscii(text: string): string {
  return text.replace(NOT_PRINTABLE_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Makes any text safe to use as a refusal detail: printable ASCII, at most `MAX_DETAIL_CHARS`. */
export function capDetail(text: string): string {
  return truncate(toPrintableAscii(text), MAX_DETAIL_CHARS);
}

/** Quotes untrusted text for a detail: escaped, and cut after a few dozen characters of the escaped form. */
export function quoteUntrusted(text: string): string {
  let quoted = '';
  // Code point by code point, so a cut never splits an escape or a surrogate pair, and a huge string stops early.
  for (const char of text) {
    const piece = char === '"' || char === '\\' ? `\\${char}` : toPrintableAscii(char);
    if (quoted.length + piece.length > MAX_QUOTED_CHARS) return `"${quoted}"...`;
    quoted += piece;
  }
  return `"${quoted}"`;
}

/** Names the JSON type of a value for a detail without echoing it, except for short numbers and booleans. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number out of range';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return 'a string';
  return 'an object';
}

/** Names unknown fields, for both stages, so the same payload reads the same whichever stage refused it. */
export function describeUnknownFields(keys: readonly string[]): string {
  const named = keys.slice(0, MAX_ISSUES_NAMED).map(quoteUntrusted).join(', ');
  const more = keys.length > MAX_ISSUES_NAMED ? ` and ${keys.length - MAX_ISSUES_NAMED} more` : '';
  return `unknown field${keys.length > 1 ? 's' : ''} ${named}${more}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

function ownValue(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    // Own properties only: an inherited `constructor` must not be described as if the device had sent it.
    if (typeof value !== 'object' || value === null || typeof key === 'symbol' || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function pathName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'payload' : path.map((key) => truncate(String(key), MAX_QUOTED_CHARS)).join('.');
}

function bound(inclusive: boolean | undefined, below: boolean, limit: number | bigint): string {
  return `${below ? '>' : '<'}${inclusive === false ? '' : '='} ${limit}`;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = pathName(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.path.length === 0
        ? describeUnknownFields(issue.keys)
        : `${where}: ${describeUnknownFields(issue.keys)}`;
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const value = ownValue(input, issue.path);
      return value === undefined
        ? `${where}: required (${expected})`
        : `${where}: expected ${expected}, got ${describeValue(value)}`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `${where}: must be at most ${issue.maximum} characters`
        : `${where}: must be ${bound(issue.inclusive, false, issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${where}: must be at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}`
        : `${where}: must be ${bound(issue.inclusive, true, issue.minimum)}`;
    case 'invalid_value':
      return `${where}: must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      // Custom refinements and formats carry messages written in this library, never device input.
      return `${where}: ${issue.message}`;
  }
}

/**
 * Turns zod issues into a refusal detail: each issue as `field: rule`, the first few only, never more than a few
 * dozen characters of the input, printable ASCII, at most `MAX_DETAIL_CHARS`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const named = issues.slice(0, MAX_ISSUES_NAMED).map((issue) => describeIssue(issue, input));
  if (issues.length > MAX_ISSUES_NAMED) named.push(`and ${issues.length - MAX_ISSUES_NAMED} more`);
  return capDetail(named.join('; '));
}
