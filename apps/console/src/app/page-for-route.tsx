import { AuditPage } from '../audit/audit-page';
import { CareCallsPage } from '../care-calls/care-calls-page';
import { CasePage } from '../case/case-page';
import { DevicesPage } from '../devices/devices-page';
import { ElderEditPage } from '../elders/elder-edit-page';
import { ElderNewPage } from '../elders/elder-new-page';
import { ElderPage } from '../elders/elder-page';
import { EldersPage } from '../elders/elders-page';
import { HistoryPage } from '../history/history-page';
import { ImportPage } from '../import/import-page';
import { QueuePage } from '../queue/queue-page';
import { ReportsPage } from '../reports/reports-page';
import { UsersPage } from '../users/users-page';
import { hasDispatchConsole } from './console-roles';
import { useLocationSearch } from './navigation';
import { NotPermittedPage } from './not-permitted-page';
import { mayOpen } from './page-access';
import { RoleHome } from './role-home';
import type { Route } from './routes';
import { useSession } from './session-context';
import { UnknownPage } from './unknown-page';

/**
 * The page a signed-in user sees at `route`: the dispatch pages for the dispatch roles, a home page for the rest,
 * and the registry pages by permission.
 */
export function PageForRoute({ route }: { route: Route }) {
  const { user } = useSession();
  const dispatch = hasDispatchConsole(user.role);
  const search = useLocationSearch();
  if (!mayOpen(user.role, route.page)) return <NotPermittedPage />;
  switch (route.page) {
    case 'login':
      return null;
    case 'case':
      // Every role may open a case link; the server answers 404 for an alert the user may not see.
      return <CasePage key={route.alertId} alertId={route.alertId} />;
    case 'queue':
      return dispatch ? <QueuePage /> : <RoleHome />;
    case 'history':
      return dispatch ? <HistoryPage /> : <RoleHome />;
    case 'care-calls':
      return <CareCallsPage />;
    case 'elders':
      return <EldersPage />;
    case 'elder':
      return <ElderPage key={route.elderId} elderId={route.elderId} />;
    case 'elder-new':
      return <ElderNewPage />;
    case 'elder-edit':
      return <ElderEditPage key={route.elderId} elderId={route.elderId} />;
    case 'elder-import':
      return <ImportPage />;
    case 'devices':
      return <DevicesPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      // A link to the log of one elder opens it afresh, with that filter.
      return <AuditPage key={search} />;
    case 'reports':
      return <ReportsPage />;
    case 'unknown':
      return <UnknownPage />;
  }
}
