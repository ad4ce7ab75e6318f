import type { AdaptationStep } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { fetchLateAdaptationCases } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';

/** The supervisor's list of late steps: each case whose pending step is past its deadline, the longest waiting first. */
export function LateStepsPanel({ onOpen }: { onOpen: (caseId: string) => void }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const late = useQuery({ queryKey: ['adaptation-cases', 'late'], queryFn: () => fetchLateAdaptationCases(http) });
  return (
    <Panel title={t('adaptation.late-title')} testId="adaptation-late">
      <FormError message={late.error ? errorText(late.error, locale) : null} />
      {late.data?.length === 0 && <p className="muted">{t('adaptation.late-none')}</p>}
      {late.data && late.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('time-bank.elder')}</th>
              <th>{t('time-bank.community')}</th>
              <th>{t('adaptation.waiting-for')}</th>
              <th>{t('adaptation.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {late.data.map((kase) => (
              <tr key={kase.id} className="row-late" data-testid="adaptation-late-row" data-case-id={kase.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(kase.id)}>
                    {kase.elder.name}
                  </button>
                </td>
                <td>{kase.community}</td>
                <td>{kase.pending && t(`adaptation-step.${kase.pending.step as AdaptationStep}`)}</td>
                <td className="mono">{kase.pending && formatDateTime(kase.pending.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
