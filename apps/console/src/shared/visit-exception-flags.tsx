import type { WorkOrderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';

/**
 * A visit's exceptions as flags (checked in early or late, too short, far from the home) and where they stand: open
 * until the provider approves the visit or rejects it as not delivered. Nothing when the visit kept to the rules.
 */
export function VisitExceptionFlags({ order }: { order: WorkOrderView }) {
  const { t } = useI18n();
  const { reasons, state } = order.exceptions;
  if (reasons.length === 0) return null;
  return (
    <span className="visit-exceptions" data-testid="visit-exceptions" data-state={state}>
      {reasons.map((reason) => (
        <span key={reason} className="flag flag-exception" data-testid="visit-exception" data-reason={reason}>
          {t(`visit-exception.${reason}`)}
        </span>
      ))}
      <span className={`pill visit-exception-state-${state}`}>{t(`visit-exception-state.${state}`)}</span>
    </span>
  );
}
