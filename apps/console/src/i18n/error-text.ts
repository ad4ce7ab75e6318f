import { ApiError } from '../api/api-error';
import { translate, translateCode, type Locale } from './translate';

/** What to tell the user about a failed request: our words for codes we know, else the server's message. */
export function errorText(error: unknown, locale: Locale): string {
  if (!(error instanceof ApiError)) return translate(locale, 'error.failed', { message: String(error) });
  if (error.code === 'network') return translate(locale, 'error.network');
  const known = translateCode(locale, 'error', error.code);
  return known !== error.code ? known : translate(locale, 'error.failed', { message: error.message });
}
