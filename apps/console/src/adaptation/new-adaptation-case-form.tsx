import { useState } from 'react';
import { openAdaptationCase } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { ElderPicker, type ElderRef } from '../elders/elder-picker';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';

/** An application for an elder: subsidised (once per household, for a capped category) or self-paid. */
export function NewAdaptationCaseForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [elder, setElder] = useState<ElderRef[]>([]);
  const [subsidised, setSubsidised] = useState(true);
  const [needs, setNeeds] = useState('');
  return (
    <form
      className="inline-form"
      data-testid="adaptation-new"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const opened = await openAdaptationCase(http, { elderId: elder[0]?.id ?? '', subsidised, needs });
          setElder([]);
          setNeeds('');
          onOpened(opened.id);
        });
      }}
    >
      <label>
        {t('time-bank.elder')}
        <ElderPicker value={elder} onChange={setElder} testId="adaptation-elder" />
      </label>
      <label>
        <input
          type="checkbox"
          checked={subsidised}
          onChange={(e) => setSubsidised(e.target.checked)}
          data-testid="adaptation-subsidised"
        />
        {t('adaptation.subsidised')}
      </label>
      <input
        placeholder={t('adaptation.needs')}
        value={needs}
        onChange={(e) => setNeeds(e.target.value)}
        data-testid="adaptation-needs"
      />
      <button type="submit" disabled={sending} data-testid="adaptation-apply">
        {t('adaptation.apply')}
      </button>
      <FormError message={error} testId="adaptation-new-error" />
    </form>
  );
}
