import type { VolunteerView } from '@eldercare/contracts';
import { useState } from 'react';
import { approveVolunteer, recordIdCheck } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';
import { coinText } from './coins';

/** A volunteer in staff's list: where their approval stands, the step staff take next, and their coins. */
export function VolunteerRow({ volunteer, onChanged }: { volunteer: VolunteerView; onChanged: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [signIn, setSignIn] = useState({ username: '', password: '' });

  return (
    <tr data-testid="volunteer-row" data-volunteer-id={volunteer.id}>
      <td>{volunteer.name}</td>
      <td className="mono">{volunteer.idNumber}</td>
      <td>{volunteer.community.name}</td>
      <td>{volunteer.trainedOn ?? '—'}</td>
      <td data-testid="volunteer-standing">
        {volunteer.approvedAt
          ? t('time-bank.approved', { username: volunteer.username ?? '' })
          : volunteer.idCheckedAt
            ? t('time-bank.id-checked')
            : t('time-bank.registered')}
      </td>
      <td className="mono">{coinText(volunteer.balanceMinutes)}</td>
      <td>
        {!volunteer.idCheckedAt && (
          <button
            type="button"
            disabled={sending}
            onClick={() => void run(() => recordIdCheck(http, volunteer.id).then(onChanged))}
            data-testid="volunteer-id-check"
          >
            {t('time-bank.record-id-check')}
          </button>
        )}
        {volunteer.idCheckedAt && !volunteer.approvedAt && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => approveVolunteer(http, volunteer.id, signIn).then(onChanged));
            }}
          >
            <input
              placeholder={t('time-bank.username')}
              value={signIn.username}
              onChange={(e) => setSignIn({ ...signIn, username: e.target.value })}
              data-testid="volunteer-username"
            />
            <input
              type="password"
              placeholder={t('time-bank.password')}
              value={signIn.password}
              onChange={(e) => setSignIn({ ...signIn, password: e.target.value })}
              data-testid="volunteer-password"
            />
            <button type="submit" disabled={sending} data-testid="volunteer-approve">
              {t('time-bank.approve')}
            </button>
          </form>
        )}
        <FormError message={error} testId="volunteer-row-error" />
      </td>
    </tr>
  );
}
