import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** One labelled picker of a filter form: 全部 first, then the `children` options. */
export function FilterSelect({
  label,
  value,
  onChange,
  testId,
  children,
}: {
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={onChange} data-testid={testId}>
        <option value="">{t('history.all')}</option>
        {children}
      </select>
    </label>
  );
}
