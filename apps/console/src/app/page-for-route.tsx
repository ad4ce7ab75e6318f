import { CasePage } from '../case/case-page';
import { HistoryPage } from '../history/history-page';
import { QueuePage } from '../queue/queue-page';
import { hasDispatchConsole } from './console-roles';
import { RoleHome } from './role-home';
import type { Route } from './routes';
import { useSession } from './session-context';
import { UnknownPage } from './unknown-page';

/** The page a signed-in user sees at `route`: the dispatch pages for the dispatch roles, a home page for the rest. */
export function PageForRoute({ route }: { route: Route }) {
  const { user } = useSession();
  const dispatch = hasDispatchConsole(user.role);
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
    case 'unknown':
      return <UnknownPage />;
  }
}
