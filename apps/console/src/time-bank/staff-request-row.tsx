import type { VolunteerRequestView } from '@eldercare/contracts';
import { can } from '@eldercare/domain';
import { useState } from 'react';
import { confirmRequest, disputeRequest, resolveDispute } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';
import { coinText } from './coins';

/**
 * A request in staff's or the family's list: a checked-out visit is confirmed (on the elder's word, for staff) or
 * disputed; community staff settle a dispute, upholding the minutes they approve or rejecting it.
 */
export function StaffRequestRow({ request, onChanged }: { request: VolunteerRequestView; onChanged: () => void }) {
  const { http, user } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [minutes, setMinutes] = useState(String(request.servedMinutes ?? 0));
  const [note, setNote] = useState('');

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
        {request.status === 'disputed' && can(user.role, 'time-bank.manage') && (
          <span className="inline-form" data-testid="staff-request-resolve">
            <span className="muted">{request.disputeReason}</span>
            <input
              type="number"
              min={0}
              max={request.minutes}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              aria-label={t('time-bank.approved-minutes')}
              data-testid="staff-request-minutes"
            />
            <input
              placeholder={t('time-bank.resolve-note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="staff-request-resolve-note"
            />
            {(['uphold', 'reject'] as const).map((decision) => (
              <button
                key={decision}
                type="button"
                disabled={sending || note.trim() === ''}
                onClick={() =>
                  void run(() =>
                    resolveDispute(http, request.id, {
                      decision,
                      note,
                      ...(decision === 'uphold' ? { minutes: Number(minutes) } : {}),
                    }).then(onChanged),
                  )
                }
                data-testid={`staff-request-${decision}`}
              >
                {t(`time-bank.${decision}`)}
              </button>
            ))}
          </span>
        )}
        <FormError message={error} testId="staff-request-error" />
      </td>
    </tr>
  );
}
