import { casePath, elderEditPath, elderPath, routeOf } from './routes';

describe('routeOf', () => {
  it.each([
    ['/', { page: 'queue' }],
    ['/login', { page: 'login' }],
    ['/history/', { page: 'history' }],
    ['/alerts/9f1c', { page: 'case', alertId: '9f1c' }],
    ['/alerts/a%20b', { page: 'case', alertId: 'a b' }],
    ['/alerts/%E0%A4%A', { page: 'unknown' }],
    ['/alerts/1/calls', { page: 'unknown' }],
    ['/care-calls', { page: 'care-calls' }],
    ['/elders', { page: 'elders' }],
    ['/elders/new', { page: 'elder-new' }],
    ['/elders/import/', { page: 'elder-import' }],
    ['/elders/7c2e', { page: 'elder', elderId: '7c2e' }],
    ['/elders/7c2e/edit', { page: 'elder-edit', elderId: '7c2e' }],
    ['/elders/7c2e/devices', { page: 'unknown' }],
    ['/elders/%E0%A4%A', { page: 'unknown' }],
    ['/devices', { page: 'devices' }],
    ['/users', { page: 'users' }],
    ['/audit', { page: 'audit' }],
    ['/reports', { page: 'reports' }],
    ['/settings', { page: 'unknown' }],
    ['/constructor', { page: 'unknown' }],
  ])('shows %p as %p', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('reads back the path of a case page', () => {
    expect(routeOf(casePath('a/b'))).toEqual({ page: 'case', alertId: 'a/b' });
  });

  it('reads back the paths of an elder whose id looks like a page name', () => {
    expect(routeOf(elderPath('new/1'))).toEqual({ page: 'elder', elderId: 'new/1' });
    expect(routeOf(elderEditPath('import'))).toEqual({ page: 'elder-edit', elderId: 'import' });
  });
});
