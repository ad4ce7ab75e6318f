import { useRouteError } from 'react-router';
import { LoadFailed } from '../shared/load-failed';

/** A page whose code could not be loaded (the network, or a deploy since the tab opened): reloading fetches it. */
export function RouteFailed() {
  return <LoadFailed error={useRouteError()} onRetry={() => window.location.reload()} testId="route-failed" />;
}
