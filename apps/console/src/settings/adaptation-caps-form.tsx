import { ADAPTATION_SETTING_BOUNDS, ELDER_CATEGORIES } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchAdaptationCaps, setAdaptationCaps } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { categoryLabel } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { SettingField } from './setting-field';
import { readSettingNumbers } from './setting-number';

const CATEGORIES = Object.keys(ELDER_CATEGORIES);

/** Every category's cap as typed: empty for a category without a subsidy. */
const asText = (caps: Record<string, number>) =>
  Object.fromEntries(
    CATEGORIES.map((category) => [category, caps[category] === undefined ? '' : String(caps[category])]),
  );

/**
 * 改造补贴上限: the household cap per elder category, in yuan. A category left empty has no subsidy (its elders may
 * still have a self-paid case); the table is replaced as a whole.
 */
export function AdaptationCapsForm() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const current = useQuery({ queryKey: ['adaptation-caps'], queryFn: () => fetchAdaptationCaps(http) });
  const { sending, error, run } = useSubmit();
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [problems, setProblems] = useState<Partial<Record<string, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && texts === null) setTexts(asText(current.data));
  }, [current.data, texts]);
  if (!texts) return null;

  return (
    <Panel title={t('settings.adaptation-caps')} testId="settings-adaptation-caps">
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const filled = Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
          const read = readSettingNumbers(filled, ADAPTATION_SETTING_BOUNDS.capYuan);
          setProblems(read.ok ? {} : read.problems);
          if (read.ok)
            void run(async () => {
              setTexts(asText(await setAdaptationCaps(http, read.values)));
              setSaved(true);
            });
        }}
      >
        <p className="muted">{t('settings.adaptation-caps-hint', ADAPTATION_SETTING_BOUNDS.capYuan)}</p>
        <div className="settings-grid">
          {CATEGORIES.map((category) => (
            <SettingField
              key={category}
              label={categoryLabel(category, locale)}
              unit={t('settings.yuan')}
              value={texts[category]}
              problem={problems[category]}
              testId={`settings-cap-${category}`}
              onChange={(value) => setTexts({ ...texts, [category]: value })}
            />
          ))}
        </div>
        <button type="submit" disabled={sending} data-testid="settings-caps-save">
          {t('settings.save')}
        </button>
        {saved && (
          <span className="muted" data-testid="settings-caps-saved">
            {t('settings.saved')}
          </span>
        )}
        <FormError message={error} testId="settings-caps-error" />
      </form>
    </Panel>
  );
}
