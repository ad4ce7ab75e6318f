import { ADAPTATION_SETTING_BOUNDS } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchAdaptationBudget, setAdaptationBudget } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { SettingField } from './setting-field';
import { readSettingNumber } from './setting-number';

/** 改造年度预算: a year's budget for adaptation subsidies, which the bureau's report sets spending against. */
export function AdaptationBudgetForm({ thisYear }: { thisYear: number }) {
  const { http } = useSession();
  const { t } = useI18n();
  const [yearText, setYearText] = useState(String(thisYear));
  const year = readSettingNumber(yearText, ADAPTATION_SETTING_BOUNDS.year);
  const current = useQuery({
    queryKey: ['adaptation-budget', year.ok ? year.value : null],
    queryFn: () => fetchAdaptationBudget(http, year.ok ? year.value : thisYear),
    enabled: year.ok,
  });
  const { sending, error, run } = useSubmit();
  const [budgetText, setBudgetText] = useState('');
  const [problem, setProblem] = useState<MessageKey | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setBudgetText(current.data.budgetYuan === null ? '' : String(current.data.budgetYuan));
  }, [current.data]);

  return (
    <Panel title={t('settings.adaptation-budget')} testId="settings-adaptation-budget">
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const budget = readSettingNumber(budgetText, ADAPTATION_SETTING_BOUNDS.budgetYuan);
          setProblem(budget.ok ? undefined : budget.problem);
          if (budget.ok && year.ok)
            void run(async () => {
              await setAdaptationBudget(http, year.value, budget.value);
              await current.refetch();
              setSaved(true);
            });
        }}
      >
        <SettingField
          label={t('settings.year')}
          unit=""
          value={yearText}
          problem={year.ok ? undefined : year.problem}
          testId="settings-budget-year"
          onChange={(value) => {
            setSaved(false);
            setYearText(value);
          }}
        />
        <SettingField
          label={t('settings.budget')}
          unit={t('settings.yuan')}
          value={budgetText}
          problem={problem}
          testId="settings-budget-yuan"
          onChange={setBudgetText}
        />
        {current.data?.budgetYuan === null && <p className="muted">{t('settings.budget-unset')}</p>}
        <button type="submit" disabled={sending || !year.ok} data-testid="settings-budget-save">
          {t('settings.save')}
        </button>
        {saved && (
          <span className="muted" data-testid="settings-budget-saved">
            {t('settings.saved')}
          </span>
        )}
        <FormError message={error} testId="settings-budget-error" />
      </form>
    </Panel>
  );
}
