import { useCallback, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { PositionError } from '../visits/current-position';

/** One step of a request: sending, then reloading what changed, or what went wrong (a missing position said plainly). */
export function useRequestAction(onChanged: () => void): {
  sending: boolean;
  error: string | null;
  act: (action: () => Promise<unknown>) => Promise<boolean>;
} {
  const { t, locale } = useI18n();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setSending(true);
      setError(null);
      try {
        await action();
        onChanged();
        return true;
      } catch (caught) {
        setError(caught instanceof PositionError ? t(`position.${caught.reason}`) : errorText(caught, locale));
        return false;
      } finally {
        setSending(false);
      }
    },
    [onChanged, t, locale],
  );

  return { sending, error, act };
}
