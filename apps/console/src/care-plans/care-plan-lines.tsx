import type { CarePlanLineView, CarePlanView } from '@eldercare/contracts';
import { useState } from 'react';
import { endCarePlanLine } from '../api/care-plans-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { useSubmit } from '../shared/use-submit';
import { centreDateOf } from '../shared/work-orders';

/** The plan's lines: what, by whom, on which days at which times, from when to when; a writer may end one. */
export function CarePlanLines({
  elderId,
  lines,
  writable,
  onChanged,
}: {
  elderId: string;
  lines: CarePlanLineView[];
  writable: boolean;
  onChanged: (plan: CarePlanView) => void;
}) {
  const { t, code, locale } = useI18n();
  if (lines.length === 0) return <p className="muted">{t('care-plan.no-lines')}</p>;
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th>{t('care-plan.service')}</th>
          <th>{t('care-plan.provider')}</th>
          <th>{t('care-plan.weekdays')}</th>
          <th>{t('care-plan.times')}</th>
          <th>{t('care-plan.period')}</th>
          {writable && <th />}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} data-testid="care-plan-line" data-line-id={line.id}>
            <td>{serviceLabel(line.service, locale)}</td>
            <td>{line.provider.name}</td>
            <td className="nowrap">
              {line.weekdays.length === 7
                ? t('care-plan.every-day')
                : line.weekdays.map((day) => code('weekday', String(day))).join(' ')}
            </td>
            <td className="mono">{line.times.join(' ')}</td>
            <td className="mono nowrap">
              {line.startsOn} – {line.endsOn ?? t('care-plan.no-end')}
            </td>
            {writable && (
              <td>{line.endsOn === null && <EndLine elderId={elderId} line={line} onEnded={onChanged} />}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EndLine({
  elderId,
  line,
  onEnded,
}: {
  elderId: string;
  line: CarePlanLineView;
  onEnded: (plan: CarePlanView) => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [open, setOpen] = useState(false);
  const [endsOn, setEndsOn] = useState(() => centreDateOf(Date.now()));

  if (!open)
    return (
      <button
        type="button"
        className="button-danger-quiet"
        onClick={() => setOpen(true)}
        data-testid="care-plan-end-open"
      >
        {t('care-plan.end')}
      </button>
    );
  const submit = async () => {
    let plan: CarePlanView | undefined;
    if (await run(async () => (plan = await endCarePlanLine(http, elderId, line.id, endsOn)))) {
      if (plan) onEnded(plan);
    }
  };
  return (
    <span className="end-line">
      <input
        type="date"
        value={endsOn}
        min={line.startsOn}
        onChange={(event) => setEndsOn(event.target.value)}
        aria-label={t('care-plan.ends-on')}
        data-testid="care-plan-end-date"
      />
      <button
        type="button"
        className="button-secondary"
        disabled={sending || endsOn === ''}
        onClick={() => void submit()}
        data-testid="care-plan-end"
      >
        {t('care-plan.end')}
      </button>
      <button type="button" className="button-plain" onClick={() => setOpen(false)}>
        {t('form.cancel')}
      </button>
      {error && <span className="form-error">{error}</span>}
    </span>
  );
}
