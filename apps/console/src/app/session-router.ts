import { createBrowserRouter, type DataRouter, type RouteObject } from 'react-router';

let current: { key: string; router: DataRouter } | null = null;

/**
 * One router for the session at hand: the same while `key` (who is signed in, or nobody) stays, a new one with
 * `routes()` when it changes, the old one disposed so it stops listening to the browser's history.
 */
export function sessionRouter(key: string, routes: () => RouteObject[]): DataRouter {
  if (current?.key !== key) {
    current?.router.dispose();
    current = { key, router: createBrowserRouter(routes()) };
  }
  return current.router;
}
