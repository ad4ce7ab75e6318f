import type { AdaptationCaseView } from '@eldercare/contracts';
import { ADAPTATION_STEP_PERMISSION, can, type AdaptationStep, type Role } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { searchAdaptationCases } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { AdaptationFieldCard } from './adaptation-field-card';

/** True when the case waits for a step `role` takes: the works for a contractor, the acceptance for an inspector. */
function waitsFor(role: Role, kase: AdaptationCaseView): boolean {
  const step = kase.pending?.step as AdaptationStep | undefined;
  return step !== undefined && can(role, ADAPTATION_STEP_PERMISSION[step]);
}

/**
 * 适老化改造 at the home: the phone page of a contractor (the cases given to their company) and of an inspector (the
 * cases of their region). The cases waiting for their step first, each with its plan, photos and the step's form;
 * the others below, to see where they stand.
 */
export function AdaptationFieldPage() {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const cases = useQuery({ queryKey: ['adaptation-cases'], queryFn: () => searchAdaptationCases(http) });
  const reload = useCallback(() => void cases.refetch(), [cases]);
  const all = cases.data ?? [];
  const todo = all.filter((kase) => waitsFor(user.role, kase));
  const others = all.filter((kase) => !waitsFor(user.role, kase));

  return (
    <section className="visits-page" data-testid="adaptation-field-page">
      <header className="visits-head">
        <h1>
          {t(user.role === 'contractor' ? 'adaptation-field.contractor-title' : 'adaptation-field.inspector-title')}
        </h1>
        <span className="count" data-testid="adaptation-field-todo-count">
          {t('adaptation-field.todo-count', { count: todo.length })}
        </span>
      </header>
      <FormError message={cases.error ? errorText(cases.error, locale) : null} testId="adaptation-field-error" />
      <h2>{t('adaptation-field.todo')}</h2>
      {cases.data && todo.length === 0 && <p className="muted visits-empty">{t('adaptation-field.none-todo')}</p>}
      <ol className="visit-list">
        {todo.map((kase) => (
          <li key={kase.id}>
            <AdaptationFieldCard kase={kase} onChanged={reload} />
          </li>
        ))}
      </ol>
      {others.length > 0 && <h2>{t('adaptation-field.others')}</h2>}
      <ol className="visit-list">
        {others.map((kase) => (
          <li key={kase.id}>
            <AdaptationFieldCard kase={kase} onChanged={reload} />
          </li>
        ))}
      </ol>
    </section>
  );
}
