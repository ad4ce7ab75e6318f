import type { VisitExceptionResolution, WorkOrderView } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { resolveVisitExceptions } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';

/** The provider admin's decision on a visit's exceptions: approve it (delivered) or reject it (not delivered), saying why. */
export function ExceptionResolveForm({
  order,
  onResolved,
}: {
  order: WorkOrderView;
  onResolved: (order: WorkOrderView) => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [note, setNote] = useState('');

  const decide = async (resolution: VisitExceptionResolution) => {
    let resolved: WorkOrderView | undefined;
    if (await run(async () => (resolved = await resolveVisitExceptions(http, order.id, { resolution, note })))) {
      if (resolved) onResolved(resolved);
    }
  };

  return (
    <form
      className="exception-resolve"
      onSubmit={(event: FormEvent) => event.preventDefault()}
      data-testid="exception-resolve"
    >
      <input
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t('provider.resolve-note')}
        aria-label={t('provider.resolve-note')}
        maxLength={2000}
        required
        data-testid="exception-note"
      />
      <button
        type="button"
        className="button-secondary"
        disabled={sending || note.trim() === ''}
        onClick={() => void decide('approved')}
        data-testid="exception-approve"
      >
        {t('provider.approve')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={sending || note.trim() === ''}
        onClick={() => void decide('rejected')}
        data-testid="exception-reject"
      >
        {t('provider.reject')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
