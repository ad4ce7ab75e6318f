import { EN } from './messages.en';
import { ZH, type MessageKey } from './messages.zh-CN';

/** The console's languages: zh-CN first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Values to fill into a message's `{name}` slots. */
export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale`, its `{name}` slots filled from `params`; an unknown slot stays as written. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template: string = locale === 'en' ? EN[key] : ZH[key];
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

/** The stored choice, or zh-CN when there is none or it is not one of ours. */
export function parseLocale(stored: string | null): Locale {
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** The other language: the switch offers one. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-CN' : 'en';
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ZH, key);
}

/** The label of a code the server sends (`device-type` + `wearable`); a code without one shows as itself. */
export function translateCode(locale: Locale, group: string, code: string): string {
  const key = `${group}.${code}`;
  return isMessageKey(key) ? translate(locale, key) : code;
}
