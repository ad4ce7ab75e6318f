import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';

/** A page whose record could not be read: why, and a button to read it again. */
export function LoadFailed({ error, onRetry, testId }: { error: unknown; onRetry: () => void; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <section className="page-message" data-testid={testId}>
      <p className="form-error">{errorText(error, locale)}</p>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('form.retry')}
      </button>
    </section>
  );
}
