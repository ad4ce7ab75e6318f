import type { VolunteerRequestView } from '@eldercare/contracts';
import { confirmRequest, disputeRequest } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';
import { coinText } from './coins';

/** A request in staff's list; a checked-out visit is confirmed on the elder's word, or disputed. */
export function StaffRequestRow({ request, onChanged }: { request: VolunteerRequestView; onChanged: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();

  return (
    <tr data-testid="staff-request-row" data-request-id={request.id} data-status={request.status}>
      <td className="mono">{formatDateTime(request.startsAt)}</td>
      <td>{request.elder.name}</td>
      <td>{t(`volunteer-service.${request.service}`)}</td>
      <td className="mono">{coinText(request.minutes)}</td>
      <td>{request.volunteer?.name ?? '—'}</td>
      <td>{t(`volunteer-request-status.${request.status}`)}</td>
      <td className="mono">{request.servedMinutes ?? '—'}</td>
      <td>
        {request.status === 'checked-out' && (
          <>
            <button
              type="button"
              disabled={sending}
              onClick={() => void run(() => confirmRequest(http, request.id).then(onChanged))}
              data-testid="staff-request-confirm"
            >
              {t('time-bank.confirm')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={sending}
              onClick={() => {
                const reason = window.prompt(t('time-bank.dispute-reason'));
                if (reason) void run(() => disputeRequest(http, request.id, reason).then(onChanged));
              }}
              data-testid="staff-request-dispute"
            >
              {t('time-bank.dispute')}
            </button>
          </>
        )}
        <FormError message={error} testId="staff-request-error" />
      </td>
    </tr>
  );
}
