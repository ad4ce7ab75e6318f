import { useCallback, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { PositionError } from './current-position';

/**
 * One step of a visit at the home (a caregiver's work order, a volunteer's request): sending, then `onChanged` with
 * what came back, or what went wrong (a missing position said plainly).
 */
export function useVisitAction<T>(onChanged: (result: T) => void): {
  sending: boolean;
  error: string | null;
  act: (action: () => Promise<T>) => Promise<boolean>;
} {
  const { t, locale } = useI18n();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = useCallback(
    async (action: () => Promise<T>) => {
      setSending(true);
      setError(null);
      try {
        onChanged(await action());
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
