import { Outlet, ScrollRestoration } from 'react-router';
import { AppHeader } from './app-header';

/** The signed-in shell: the header and the page at the address. A new page opens at its top. */
export function ConsoleLayout() {
  return (
    <>
      <AppHeader />
      <main className="app-main">
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}
