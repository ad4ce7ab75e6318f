import type { MessageKey } from '../i18n/messages.zh-CN';

/** A whole number typed into a settings form, or the words for what is wrong with it. */
export type SettingNumber = { ok: true; value: number } | { ok: false; problem: MessageKey };

/**
 * Reads `text` as a whole number within `bounds`, the same bounds the api checks, so the form says what is wrong
 * before sending; the api's refusal still decides and is shown by its error code.
 */
export function readSettingNumber(text: string, bounds: { min: number; max: number }): SettingNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'settings.required' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'settings.whole-number' };
  const value = Number(trimmed);
  if (value < bounds.min || value > bounds.max) return { ok: false, problem: 'settings.out-of-range' };
  return { ok: true, value };
}

/** Reads every field of a form; the values when all are right, else each field's problem. */
export function readSettingNumbers<K extends string>(
  texts: Record<K, string>,
  bounds: { min: number; max: number },
): { ok: true; values: Record<K, number> } | { ok: false; problems: Partial<Record<K, MessageKey>> } {
  const values = {} as Record<K, number>;
  const problems: Partial<Record<K, MessageKey>> = {};
  for (const key of Object.keys(texts) as K[]) {
    const read = readSettingNumber(texts[key], bounds);
    if (read.ok) values[key] = read.value;
    else problems[key] = read.problem;
  }
  return Object.keys(problems).length === 0 ? { ok: true, values } : { ok: false, problems };
}
