import { VOLUNTEER_SERVICES, type VolunteerService } from '@eldercare/domain';
import { useState } from 'react';
import { askVolunteer } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { ElderPicker, type ElderRef } from '../elders/elder-picker';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';

/** Asks a volunteer's help for an elder: what, when and for how long; the coins it pays are held at once. */
export function RequestForm({ onDone }: { onDone: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [elder, setElder] = useState<ElderRef[]>([]);
  const [service, setService] = useState<VolunteerService>('companionship');
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState('60');

  return (
    <form
      className="inline-form"
      data-testid="volunteer-request-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await askVolunteer(http, {
            elderId: elder[0]?.id,
            service,
            startsAt: startsAt ? new Date(startsAt).toISOString() : '',
            minutes: Number(minutes),
          });
          setElder([]);
          onDone();
        });
      }}
    >
      <label>
        {t('time-bank.elder')}
        <ElderPicker value={elder} onChange={setElder} testId="volunteer-request-elder" />
      </label>
      <label>
        {t('time-bank.service')}
        <select
          value={service}
          onChange={(e) => setService(e.target.value as VolunteerService)}
          data-testid="volunteer-request-service"
        >
          {VOLUNTEER_SERVICES.map((code) => (
            <option key={code} value={code}>
              {t(`volunteer-service.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('time-bank.starts-at')}
        <input
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          data-testid="volunteer-request-starts-at"
        />
      </label>
      <label>
        {t('time-bank.minutes')}
        <input
          type="number"
          min={15}
          max={480}
          step={15}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="volunteer-request-minutes"
        />
      </label>
      <button type="submit" disabled={sending} data-testid="volunteer-request-submit">
        {t('time-bank.ask')}
      </button>
      <FormError message={error} testId="volunteer-request-form-error" />
    </form>
  );
}
