import { ApiError } from '../api/api-error';
import { errorText } from '../i18n/error-text';
import { translate, type Locale } from '../i18n/translate';

/** What the sign-in page says of a failed sign-in: a wrong password, how long to wait, or the general words. */
export function loginErrorText(failure: unknown, locale: Locale): string {
  if (!(failure instanceof ApiError)) return errorText(failure, locale);
  if (failure.code === 'invalid-credentials') return translate(locale, 'login.invalid');
  if (failure.code !== 'too-many-attempts') return errorText(failure, locale);
  const seconds = (failure.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0
    ? translate(locale, 'login.too-many-wait', { seconds })
    : translate(locale, 'login.too-many');
}
