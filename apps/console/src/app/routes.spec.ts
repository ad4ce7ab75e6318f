import { casePath, routeOf } from './routes';

describe('routeOf', () => {
  it.each([
    ['/', { page: 'queue' }],
    ['/login', { page: 'login' }],
    ['/history/', { page: 'history' }],
    ['/alerts/9f1c', { page: 'case', alertId: '9f1c' }],
    ['/alerts/a%20b', { page: 'case', alertId: 'a b' }],
    ['/alerts/%E0%A4%A', { page: 'unknown' }],
    ['/alerts/1/calls', { page: 'unknown' }],
    ['/settings', { page: 'unknown' }],
  ])('shows %p as %p', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('reads back the path of a case page', () => {
    expect(routeOf(casePath('a/b'))).toEqual({ page: 'case', alertId: 'a/b' });
  });
});
