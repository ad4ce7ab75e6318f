import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from './use-submit';
import { FormError } from './form-error';

/**
 * A button for something that cannot be undone (retire a device, disable a user): the first press asks, in words
 * that say what will happen, and only the second does it. The question opens under the button, over the rows
 * below, so a table does not jump.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  testId: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const { sending, error, run, clear } = useSubmit();

  const close = () => {
    clear();
    setAsking(false);
  };

  const confirm = async () => {
    if (await run(onConfirm)) setAsking(false);
  };

  return (
    <span className="confirm-anchor">
      <button
        type="button"
        className={`button-danger-quiet${asking ? ' is-armed' : ''}`}
        onClick={() => setAsking(true)}
        aria-expanded={asking}
        data-testid={testId}
      >
        {label}
      </button>
      {asking && (
        <div
          className="confirm"
          role="alertdialog"
          aria-label={question}
          onKeyDown={(event) => event.key === 'Escape' && !sending && close()}
          data-testid={`${testId}-confirm`}
        >
          <p>{question}</p>
          <FormError message={error} testId={`${testId}-error`} />
          <div className="confirm-actions">
            <button
              type="button"
              className="button-danger"
              onClick={() => void confirm()}
              disabled={sending}
              autoFocus
              data-testid={`${testId}-yes`}
            >
              {sending ? t('form.sending') : confirmLabel}
            </button>
            <button
              type="button"
              className="button-plain"
              onClick={close}
              disabled={sending}
              data-testid={`${testId}-no`}
            >
              {t('form.cancel')}
            </button>
          </div>
        </div>
      )}
    </span>
  );
}
