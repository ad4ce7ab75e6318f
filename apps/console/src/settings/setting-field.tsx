import type { MessageKey } from '../i18n/messages.zh-CN';
import { useI18n } from '../i18n/i18n-context';

/** One number of a settings form: its label, the input, the unit and what is wrong with it. */
export function SettingField({
  label,
  unit,
  value,
  problem,
  testId,
  onChange,
}: {
  label: string;
  unit: string;
  value: string;
  problem: MessageKey | undefined;
  testId: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{label}</span>
      <span className="setting-input">
        <input
          inputMode="numeric"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem !== undefined}
          data-testid={testId}
        />{' '}
        {unit}
      </span>
      {problem && (
        <span className="field-problem" data-testid={`${testId}-problem`}>
          {t(problem)}
        </span>
      )}
    </label>
  );
}
