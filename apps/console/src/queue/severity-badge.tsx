import type { Severity } from '@eldercare/domain';
import { useI18n } from '../i18n/i18n-context';
import { severityLabel } from '../i18n/labels';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { locale } = useI18n();
  return (
    <span className={`severity severity-${severity}`} data-testid="severity" data-severity={severity}>
      {severityLabel(severity, locale)}
    </span>
  );
}
