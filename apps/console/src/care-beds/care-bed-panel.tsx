import type { CareBedView, CareNeedLevel } from '@eldercare/contracts';
import { can, CARE_NEED_LEVELS } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { fetchCareBed, openCareBed } from '../api/care-beds-api';
import { useSession } from '../app/session-context';
import { CarePlanLines } from '../care-plans/care-plan-lines';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';

/** 家庭养老床位: the elder's care bed, its assessment, adaptation case, devices and monthly package; or opening one. */
export function CareBedPanel({ elderId }: { elderId: string }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const careBed = useQuery({
    queryKey: ['care-bed', elderId],
    queryFn: () => fetchCareBed(http, elderId),
    retry: false,
  });
  const none = careBed.error instanceof ApiError && careBed.error.code === 'care-bed-not-found';

  return (
    <Panel title={t('care-bed.title')} testId="care-bed-panel">
      {careBed.error && !none && <FormError message={errorText(careBed.error, locale)} />}
      {none && <p className="muted">{t('care-bed.none')}</p>}
      {careBed.data && <CareBedFacts careBed={careBed.data} />}
      {none && can(user.role, 'care-plans.write') && (
        <OpenCareBedForm elderId={elderId} onDone={() => void careBed.refetch()} />
      )}
    </Panel>
  );
}

function CareBedFacts({ careBed }: { careBed: CareBedView }) {
  const { t, code } = useI18n();
  return (
    <div data-testid="care-bed">
      <p>
        <strong>{code('care-level', careBed.careLevel)}</strong> · {t('care-bed.assessed', { on: careBed.assessedOn })}{' '}
        · {t('care-bed.starts', { on: careBed.startsOn })}
      </p>
      <p data-testid="care-bed-adaptation">
        {careBed.adaptationCase
          ? t('care-bed.adaptation', { stage: code('adaptation-stage', careBed.adaptationCase.stage) })
          : t('care-bed.no-adaptation')}
      </p>
      <p data-testid="care-bed-devices">
        {careBed.devices.map((device) => `${code('device-type', device.type)} ${device.id}`).join(' · ')}
      </p>
      <h3>{t('care-bed.package')}</h3>
      <CarePlanLines elderId={careBed.elderId} lines={careBed.servicePackage} writable={false} onChanged={() => {}} />
    </div>
  );
}

function OpenCareBedForm({ elderId, onDone }: { elderId: string; onDone: () => void }) {
  const { http } = useSession();
  const { t, code } = useI18n();
  const { sending, error, run } = useSubmit();
  const [careLevel, setCareLevel] = useState<CareNeedLevel>('severe');
  const [assessedOn, setAssessedOn] = useState('');
  const [startsOn, setStartsOn] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() =>
          openCareBed(http, elderId, { careLevel, assessedOn, startsOn, adaptationCaseId: null }).then(onDone),
        );
      }}
    >
      <select
        value={careLevel}
        onChange={(e) => setCareLevel(e.target.value as CareNeedLevel)}
        aria-label={t('care-bed.level')}
        data-testid="care-bed-level"
      >
        {CARE_NEED_LEVELS.map((level) => (
          <option key={level} value={level}>
            {code('care-level', level)}
          </option>
        ))}
      </select>
      <label>
        {t('care-bed.assessed-on')}
        <input type="date" required value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} />
      </label>
      <label>
        {t('care-bed.starts-on')}
        <input type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      </label>
      <button type="submit" disabled={sending} data-testid="care-bed-open">
        {t('care-bed.open')}
      </button>
      <FormError message={error} />
    </form>
  );
}
