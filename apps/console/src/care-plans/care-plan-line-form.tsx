import type { CarePlanView } from '@eldercare/contracts';
import { SERVICE_CODES } from '@eldercare/domain';
import { useState, type FormEvent } from 'react';
import { addCarePlanLine } from '../api/care-plans-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { useProviders } from '../shared/use-providers';
import { useSubmit } from '../shared/use-submit';
import { centreDateOf } from '../shared/work-orders';
import { FormError } from '../shared/form-error';
import { ProviderSelectOptions } from '../shared/provider-select-options';
import {
  checkCarePlanLine,
  excessesOf,
  WEEKDAYS,
  type CarePlanLineDraft,
  type CarePlanLineProblems,
} from './care-plan-draft';
import { ExcessTable } from './excess-table';

/** A new plan line; the api refuses one that asks for more than the elder is owed, and the form shows by how much. */
export function CarePlanLineForm({
  elderId,
  onAdded,
  onCancel,
}: {
  elderId: string;
  onAdded: (plan: CarePlanView) => void;
  onCancel: () => void;
}) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const providers = useProviders();
  const { sending, error, failure, run } = useSubmit();
  const [draft, setDraft] = useState<CarePlanLineDraft>(() => ({
    service: '',
    providerId: '',
    weekdays: [],
    times: '',
    startsOn: centreDateOf(Date.now()),
    endsOn: '',
  }));
  const [problems, setProblems] = useState<CarePlanLineProblems>({});
  const excesses = excessesOf(failure);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkCarePlanLine(draft);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    let plan: CarePlanView | undefined;
    if (await run(async () => (plan = await addCarePlanLine(http, elderId, check.input)))) {
      if (plan) onAdded(plan);
    }
  };

  const problem = (name: keyof CarePlanLineProblems) =>
    problems[name] && (
      <span className="field-problem" data-testid={`care-plan-problem-${name}`}>
        {t(problems[name])}
      </span>
    );

  const toggleDay = (day: number) =>
    setDraft({
      ...draft,
      weekdays: draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day],
    });

  return (
    <form className="inline-form care-plan-form" onSubmit={submit} noValidate data-testid="care-plan-add">
      <div className="form-grid form-grid-4">
        <label className="field">
          <span>{t('care-plan.service')}</span>
          <select
            value={draft.service}
            onChange={(event) => setDraft({ ...draft, service: event.target.value })}
            data-testid="care-plan-service"
          >
            <option value="">{t('resolve.choose')}</option>
            {SERVICE_CODES.map((service) => (
              <option key={service} value={service}>
                {serviceLabel(service, locale)}
              </option>
            ))}
          </select>
          {problem('service')}
        </label>
        <label className="field">
          <span>{t('care-plan.provider')}</span>
          <select
            value={draft.providerId}
            onChange={(event) => setDraft({ ...draft, providerId: event.target.value })}
            data-testid="care-plan-provider"
          >
            <ProviderSelectOptions providers={providers} />
          </select>
          {problem('providerId')}
        </label>
        <label className="field">
          <span>{t('care-plan.starts-on')}</span>
          <input
            type="date"
            value={draft.startsOn}
            onChange={(event) => setDraft({ ...draft, startsOn: event.target.value })}
            data-testid="care-plan-starts-on"
          />
          {problem('startsOn')}
        </label>
        <label className="field">
          <span>{t('care-plan.ends-on')}</span>
          <input
            type="date"
            value={draft.endsOn}
            onChange={(event) => setDraft({ ...draft, endsOn: event.target.value })}
            data-testid="care-plan-ends-on"
          />
          {problem('endsOn')}
        </label>
      </div>
      <div className="field">
        <span>{t('care-plan.weekdays')}</span>
        <div className="weekday-boxes" data-testid="care-plan-weekdays">
          {WEEKDAYS.map((day) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={draft.weekdays.includes(day)}
                onChange={() => toggleDay(day)}
                data-weekday={day}
              />
              {t(`weekday.${day}`)}
            </label>
          ))}
        </div>
        {problem('weekdays')}
      </div>
      <label className="field">
        <span>
          {t('care-plan.times')} <span className="field-hint">{t('care-plan.times-hint')}</span>
        </span>
        <input
          className="mono"
          value={draft.times}
          onChange={(event) => setDraft({ ...draft, times: event.target.value })}
          placeholder="08:00, 11:30"
          data-testid="care-plan-times"
        />
        {problem('times')}
      </label>
      {excesses ? <ExcessTable excesses={excesses} /> : <FormError message={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={sending} data-testid="care-plan-submit">
          {sending ? t('form.sending') : t('care-plan.add')}
        </button>
        <button type="button" className="button-plain" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
