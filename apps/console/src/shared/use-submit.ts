import { useCallback, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';

/**
 * The state of one form's request: sending, and the error to show when it failed. `failure` is the error itself,
 * for a form that reads more from it (which fields the api refused).
 */
export function useSubmit(): {
  sending: boolean;
  error: string | null;
  failure: unknown;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const { locale } = useI18n();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setSending(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setFailure(caught ?? new Error('failed'));
      return false;
    } finally {
      setSending(false);
    }
  }, []);

  const clear = useCallback(() => setFailure(null), []);

  return { sending, error: failure === null ? null : errorText(failure, locale), failure, run, clear };
}
