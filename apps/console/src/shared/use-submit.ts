import { useCallback, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';

/** The state of one form's request: sending, and the error to show when it failed. */
export function useSubmit(): { sending: boolean; error: string | null; run: (action: () => Promise<unknown>) => Promise<boolean> } {
  const { locale } = useI18n();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setSending(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (failure) {
        setError(errorText(failure, locale));
        return false;
      } finally {
        setSending(false);
      }
    },
    [locale],
  );

  return { sending, error, run };
}
