import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { SettingField } from './setting-field';
import { readSettingNumbers } from './setting-number';

/** A table of settings the api keeps as a whole: one number per key, each within the same bounds. */
export interface SettingsTable<K extends string> {
  keys: readonly K[];
  bounds: { min: number; max: number };
  /** A key left empty is left out of the table sent (it has no setting), instead of being refused. */
  optional?: boolean;
  queryKey: string;
  load(): Promise<Partial<Record<K, number>>>;
  /** Replaces the whole table; answers it as stored. */
  save(values: Partial<Record<K, number>>): Promise<Partial<Record<K, number>>>;
}

/** What the form shows: the words around the numbers, and the test ids of its panel, fields (`-<key>`) and actions. */
export interface SettingsTableLook<K extends string> {
  title: string;
  hint: string;
  unit: string;
  labelOf(key: K): string;
  testIds: { panel: string; field: string; action: string };
}

/**
 * A settings table as typed, checked against the bounds the api holds before it is sent, then replaced as a whole;
 * the api's refusal still decides and is shown by its error code.
 */
export function SettingsTableForm<K extends string>({
  table,
  look,
}: {
  table: SettingsTable<K>;
  look: SettingsTableLook<K>;
}) {
  const { t } = useI18n();
  const asText = (values: Partial<Record<K, number>>) =>
    Object.fromEntries(table.keys.map((key) => [key, values[key] === undefined ? '' : String(values[key])])) as Record<
      K,
      string
    >;
  const current = useQuery({ queryKey: [table.queryKey], queryFn: () => table.load() });
  const { sending, error, run } = useSubmit();
  const [texts, setTexts] = useState<Record<K, string> | null>(null);
  const [problems, setProblems] = useState<Partial<Record<K, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && texts === null) setTexts(asText(current.data));
  });
  if (!texts) return null;
  const { panel, field, action } = look.testIds;

  return (
    <Panel title={look.title} testId={panel}>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const filled = table.optional
            ? (Object.fromEntries(Object.entries<string>(texts).filter(([, text]) => text.trim() !== '')) as Record<
                K,
                string
              >)
            : texts;
          const read = readSettingNumbers(filled, table.bounds);
          setProblems(read.ok ? {} : read.problems);
          if (read.ok)
            void run(async () => {
              setTexts(asText(await table.save(read.values)));
              setSaved(true);
            });
        }}
      >
        <p className="muted">{look.hint}</p>
        <div className="settings-grid">
          {table.keys.map((key) => (
            <SettingField
              key={key}
              label={look.labelOf(key)}
              unit={look.unit}
              value={texts[key]}
              problem={problems[key]}
              testId={`${field}-${key}`}
              onChange={(value) => setTexts({ ...texts, [key]: value })}
            />
          ))}
        </div>
        <button type="submit" disabled={sending} data-testid={`${action}-save`}>
          {t('settings.save')}
        </button>
        {saved && (
          <span className="muted" data-testid={`${action}-saved`}>
            {t('settings.saved')}
          </span>
        )}
        <FormError message={error} testId={`${action}-error`} />
      </form>
    </Panel>
  );
}
