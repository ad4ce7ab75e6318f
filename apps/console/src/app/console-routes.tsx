import type { Role } from '@eldercare/contracts';
import { Navigate, useLocation, useParams, type LazyRouteFunction, type RouteObject } from 'react-router';
import { ConsoleLayout } from './console-layout';
import { NotPermittedPage } from './not-permitted-page';
import { PageLoading } from './page-loading';
import { PAGE_PATHS, PAGES } from './pages';
import { RoleGreeting } from './role-greeting';
import { viewOf, type View } from './role-views';
import { RouteFailed } from './route-failed';
import { UnknownPage } from './unknown-page';

type Lazy = LazyRouteFunction<RouteObject>;

/**
 * Each view's module, loaded when its address is first opened: a role downloads the pages it may open and no
 * others. A page of one record is keyed by it, so that another record's address opens it afresh.
 */
const VIEWS: Record<View, Lazy> = {
  queue: async () => ({ Component: (await import('../queue/queue-page')).QueuePage }),
  history: async () => ({ Component: (await import('../history/history-page')).HistoryPage }),
  case: async () => {
    const { CasePage } = await import('../case/case-page');
    return { Component: () => <CasePage key={useParam('alertId')} alertId={useParam('alertId')} /> };
  },
  'care-calls': async () => ({ Component: (await import('../care-calls/care-calls-page')).CareCallsPage }),
  elders: async () => ({ Component: (await import('../elders/elders-page')).EldersPage }),
  elder: async () => {
    const { ElderPage } = await import('../elders/elder-page');
    return { Component: () => <ElderPage key={useParam('elderId')} elderId={useParam('elderId')} /> };
  },
  'elder-new': async () => ({ Component: (await import('../elders/elder-new-page')).ElderNewPage }),
  'elder-edit': async () => {
    const { ElderEditPage } = await import('../elders/elder-edit-page');
    return { Component: () => <ElderEditPage key={useParam('elderId')} elderId={useParam('elderId')} /> };
  },
  'elder-import': async () => ({ Component: (await import('../import/import-page')).ImportPage }),
  devices: async () => ({ Component: (await import('../devices/devices-page')).DevicesPage }),
  users: async () => ({ Component: (await import('../users/users-page')).UsersPage }),
  audit: async () => {
    const { AuditPage } = await import('../audit/audit-page');
    // A link to the log of one elder opens it afresh, with that filter.
    return { Component: () => <AuditPage key={useLocation().search} /> };
  },
  reports: async () => ({ Component: (await import('../reports/reports-page')).ReportsPage }),
  map: async () => ({ Component: (await import('../city-map/city-map-page')).CityMapPage }),
  wallboard: async () => ({ Component: (await import('../wallboard/wallboard-page')).WallboardPage }),
  visits: async () => ({ Component: (await import('../visits/visits-page')).VisitsPage }),
  volunteer: async () => ({ Component: (await import('../time-bank/volunteer-page')).VolunteerPage }),
  'time-bank': async () => ({ Component: (await import('../time-bank/time-bank-page')).TimeBankPage }),
  adaptation: async () => ({ Component: (await import('../adaptation/adaptation-page')).AdaptationPage }),
  settings: async () => ({ Component: (await import('../settings/settings-page')).SettingsPage }),
  'adaptation-field': async () => ({
    Component: (await import('../adaptation/adaptation-field-page')).AdaptationFieldPage,
  }),
  'risk-visits': async () => ({
    Component: (await import('../risk-visits/overdue-visits-page')).OverdueVisitsPage,
  }),
  family: async () => ({ Component: (await import('../family/family-page')).FamilyPage }),
  provider: async () => ({ Component: (await import('../provider/provider-page')).ProviderPage }),
  canteen: async () => ({ Component: (await import('../canteen/canteen-page')).CanteenPage }),
  'role-greeting': async () => ({ Component: RoleGreeting }),
  'not-permitted': async () => ({ Component: NotPermittedPage }),
};

function useParam(name: string): string {
  return useParams()[name] ?? '';
}

/**
 * The routes of a signed-in `role`: each page's address with what the role sees there, any other address the
 * unknown page, and the login page sending back to `returnTo` (where a lost session left the user).
 */
export function consoleRoutes(role: Role, returnTo: string): RouteObject[] {
  return [
    { path: '/login', element: <Navigate to={returnTo} replace /> },
    {
      Component: ConsoleLayout,
      HydrateFallback: PageLoading,
      ErrorBoundary: RouteFailed,
      children: [
        ...PAGES.map((page): RouteObject => ({ path: PAGE_PATHS[page], lazy: VIEWS[viewOf(role, page)] })),
        { path: '*', Component: UnknownPage },
      ],
    },
  ];
}
