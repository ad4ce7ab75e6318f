import { CARE_CALL_OUTCOMES, type CareCallOutcome, type CareCallRecord } from '@eldercare/contracts';
import { useState } from 'react';
import { logCareCall } from '../api/care-calls-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';

/** After the call: a note if there is one to write, then one tap on how it went records it. */
export function OutcomeLogger({ elderId, onLogged }: { elderId: string; onLogged: (record: CareCallRecord) => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<CareCallOutcome | null>(null);

  const log = async (outcome: CareCallOutcome) => {
    setChosen(outcome);
    let record: CareCallRecord | undefined;
    if (await run(async () => (record = await logCareCall(http, { elderId, outcome, note: note.trim() })))) {
      if (record) onLogged(record);
    }
  };

  return (
    <div className="outcome-logger" data-testid="care-call-logger">
      <input
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={2000}
        placeholder={t('care-calls.note-hint')}
        aria-label={t('care-calls.note')}
        disabled={sending}
        data-testid="care-call-note"
      />
      <div className="outcome-buttons">
        {CARE_CALL_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={`outcome-button outcome-${outcome}`}
            onClick={() => void log(outcome)}
            disabled={sending}
            data-testid="care-call-outcome"
            data-outcome={outcome}
          >
            {sending && chosen === outcome ? t('form.sending') : t(`care-call-outcome.${outcome}`)}
          </button>
        ))}
      </div>
      <FormError message={error} testId="care-call-error" />
    </div>
  );
}
