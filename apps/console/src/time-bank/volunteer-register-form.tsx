import { useState } from 'react';
import { registerVolunteer } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { CommunitySelect } from '../elders/community-select';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useRegions } from '../shared/use-regions';
import { useSubmit } from '../shared/use-submit';

/** Registers a volunteer with their real name, ID number, phone, community and training date; approval comes after. */
export function VolunteerRegisterForm({ onDone }: { onDone: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const regions = useRegions();
  const { sending, error, run } = useSubmit();
  const [draft, setDraft] = useState({ name: '', idNumber: '', phone: '', communityId: '', trainedOn: '' });
  const set = (field: keyof typeof draft) => (value: string) => setDraft((before) => ({ ...before, [field]: value }));

  return (
    <form
      className="inline-form"
      data-testid="volunteer-register-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await registerVolunteer(http, {
            name: draft.name,
            idNumber: draft.idNumber,
            phone: draft.phone,
            communityId: draft.communityId,
            ...(draft.trainedOn ? { trainedOn: draft.trainedOn } : {}),
          });
          setDraft({ name: '', idNumber: '', phone: '', communityId: '', trainedOn: '' });
          onDone();
        });
      }}
    >
      <label>
        {t('time-bank.name')}
        <input value={draft.name} onChange={(e) => set('name')(e.target.value)} data-testid="volunteer-name" />
      </label>
      <label>
        {t('time-bank.id-number')}
        <input
          value={draft.idNumber}
          onChange={(e) => set('idNumber')(e.target.value)}
          data-testid="volunteer-id-number"
        />
      </label>
      <label>
        {t('time-bank.phone')}
        <input value={draft.phone} onChange={(e) => set('phone')(e.target.value)} data-testid="volunteer-phone" />
      </label>
      <label>
        {t('time-bank.community')}
        <CommunitySelect
          regions={regions ?? []}
          value={draft.communityId}
          onChange={set('communityId')}
          invalid={false}
        />
      </label>
      <label>
        {t('time-bank.trained-on')}
        <input
          type="date"
          value={draft.trainedOn}
          onChange={(e) => set('trainedOn')(e.target.value)}
          data-testid="volunteer-trained-on"
        />
      </label>
      <button type="submit" disabled={sending} data-testid="volunteer-register">
        {t('time-bank.register')}
      </button>
      <FormError message={error} testId="volunteer-register-error" />
    </form>
  );
}
