import { RISK_LEVELS, VISIT_EVERY_DAYS_BOUNDS, type RiskLevel } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchVisitFrequencies, setVisitFrequencies } from '../api/risk-visits-api';
import { useSession } from '../app/session-context';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { SettingField } from './setting-field';
import { readSettingNumbers } from './setting-number';

const asText = (days: Record<RiskLevel, number>) =>
  Object.fromEntries(RISK_LEVELS.map((level) => [level, String(days[level])])) as Record<RiskLevel, string>;

/** 巡访频次: how many days apart the elders of each risk level are visited; an overdue visit is counted from it. */
export function VisitFrequenciesForm() {
  const { http } = useSession();
  const { t } = useI18n();
  const current = useQuery({ queryKey: ['visit-frequencies'], queryFn: () => fetchVisitFrequencies(http) });
  const { sending, error, run } = useSubmit();
  const [texts, setTexts] = useState<Record<RiskLevel, string> | null>(null);
  const [problems, setProblems] = useState<Partial<Record<RiskLevel, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && texts === null) setTexts(asText(current.data));
  }, [current.data, texts]);
  if (!texts) return null;

  return (
    <Panel title={t('settings.visit-frequencies')} testId="settings-visit-frequencies">
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const read = readSettingNumbers(texts, VISIT_EVERY_DAYS_BOUNDS);
          setProblems(read.ok ? {} : read.problems);
          if (read.ok)
            void run(async () => {
              setTexts(asText(await setVisitFrequencies(http, read.values)));
              setSaved(true);
            });
        }}
      >
        <p className="muted">{t('settings.visit-frequencies-hint', VISIT_EVERY_DAYS_BOUNDS)}</p>
        {RISK_LEVELS.map((level) => (
          <SettingField
            key={level}
            label={t(`settings.risk-level.${level}`)}
            unit={t('settings.days')}
            value={texts[level]}
            problem={problems[level]}
            testId={`settings-visit-${level}`}
            onChange={(value) => setTexts({ ...texts, [level]: value })}
          />
        ))}
        <button type="submit" disabled={sending} data-testid="settings-visit-save">
          {t('settings.save')}
        </button>
        {saved && (
          <span className="muted" data-testid="settings-visit-saved">
            {t('settings.saved')}
          </span>
        )}
        <FormError message={error} testId="settings-visit-error" />
      </form>
    </Panel>
  );
}
