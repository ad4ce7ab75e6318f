import { matchRoutes } from 'react-router';
import { casePath, elderEditPath, elderPath, PAGE_PATHS, PAGES, type Page } from './pages';

const ROUTES = PAGES.map((page) => ({ id: page, path: PAGE_PATHS[page] }));

/** The page and parameters the router finds at `path`, or null for an unknown address. */
function matched(path: string): { page: Page; params: Record<string, string | undefined> } | null {
  const match = matchRoutes(ROUTES, path)?.at(-1);
  return match ? { page: match.route.id, params: { ...match.params } } : null;
}

describe('PAGE_PATHS', () => {
  it.each([
    ['/', 'queue', {}],
    ['/history/', 'history', {}],
    ['/alerts/9f1c', 'case', { alertId: '9f1c' }],
    ['/alerts/a%20b', 'case', { alertId: 'a b' }],
    ['/care-calls', 'care-calls', {}],
    ['/elders', 'elders', {}],
    ['/elders/new', 'elder-new', {}],
    ['/elders/import/', 'elder-import', {}],
    ['/elders/7c2e', 'elder', { elderId: '7c2e' }],
    ['/elders/7c2e/edit', 'elder-edit', { elderId: '7c2e' }],
    ['/devices', 'devices', {}],
    ['/users', 'users', {}],
    ['/audit', 'audit', {}],
    ['/reports', 'reports', {}],
    ['/settings', 'settings', {}],
  ] as const)('shows %p as %p', (path, page, params) => {
    expect(matched(path)).toEqual({ page, params });
  });

  it.each(['/alerts/1/calls', '/elders/7c2e/devices', '/settings/caps', '/constructor', '/login'])(
    'knows no page at %p',
    (path) => {
      expect(matched(path)).toBeNull();
    },
  );

  it('reads back the path of a case page', () => {
    expect(matched(casePath('a/b'))).toEqual({ page: 'case', params: { alertId: 'a/b' } });
  });

  it('reads back the paths of an elder whose id looks like a page name', () => {
    expect(matched(elderPath('new/1'))).toEqual({ page: 'elder', params: { elderId: 'new/1' } });
    expect(matched(elderEditPath('import'))).toEqual({ page: 'elder-edit', params: { elderId: 'import' } });
  });
});
