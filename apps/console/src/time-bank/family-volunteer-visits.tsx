import { useQuery } from '@tanstack/react-query';
import { searchVolunteerRequests } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { StaffRequestRow } from './staff-request-row';

/** 志愿服务: the volunteers' visits to the family's elder; a visit checked out is confirmed or disputed here. */
export function FamilyVolunteerVisits({ elderId }: { elderId: string }) {
  const { http } = useSession();
  const { t } = useI18n();
  const requests = useQuery({
    queryKey: ['time-bank', 'requests', elderId],
    queryFn: () => searchVolunteerRequests(http, { elderId }),
  });
  const rows = requests.data ?? [];
  return (
    <Panel title={t('time-bank.family-title')} testId="family-volunteer-visits">
      {rows.length === 0 && <p className="muted">{t('time-bank.family-none')}</p>}
      {rows.length > 0 && (
        <table className="table">
          <tbody>
            {rows.map((request) => (
              <StaffRequestRow key={request.id} request={request} onChanged={() => void requests.refetch()} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
