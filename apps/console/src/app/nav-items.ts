import type { Role } from '@eldercare/contracts';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { hasDispatchConsole } from './console-roles';
import { mayOpen } from './page-access';
import type { Page } from './pages';

export interface NavItem {
  /** The page the item opens; the pages under its path (an elder, the import) light it too. */
  section: Page;
  path: string;
  label: MessageKey;
  testId: string;
}

const ITEMS: readonly NavItem[] = [
  { section: 'queue', path: '/', label: 'nav.queue', testId: 'nav-queue' },
  { section: 'history', path: '/history', label: 'nav.history', testId: 'nav-history' },
  { section: 'care-calls', path: '/care-calls', label: 'nav.care-calls', testId: 'nav-care-calls' },
  { section: 'elders', path: '/elders', label: 'nav.elders', testId: 'nav-elders' },
  { section: 'devices', path: '/devices', label: 'nav.devices', testId: 'nav-devices' },
  { section: 'users', path: '/users', label: 'nav.users', testId: 'nav-users' },
  { section: 'audit', path: '/audit', label: 'nav.audit', testId: 'nav-audit' },
  { section: 'reports', path: '/reports', label: 'nav.reports', testId: 'nav-reports' },
  { section: 'map', path: '/map', label: 'nav.map', testId: 'nav-map' },
  { section: 'wallboard', path: '/wallboard', label: 'nav.wallboard', testId: 'nav-wallboard' },
  { section: 'time-bank', path: '/time-bank', label: 'nav.time-bank', testId: 'nav-time-bank' },
  { section: 'risk-visits', path: '/risk-visits', label: 'nav.risk-visits', testId: 'nav-risk-visits' },
  { section: 'adaptation', path: '/adaptation', label: 'nav.adaptation', testId: 'nav-adaptation' },
  { section: 'settings', path: '/settings', label: 'nav.settings', testId: 'nav-settings' },
];

const DISPATCH_ONLY: readonly Page[] = ['queue', 'history'];

/** The header's links for `role`: the dispatch pages for the dispatch console, the rest by permission. */
export function navItems(role: Role): NavItem[] {
  return ITEMS.filter((item) =>
    DISPATCH_ONLY.includes(item.section) ? hasDispatchConsole(role) : mayOpen(role, item.section),
  );
}
