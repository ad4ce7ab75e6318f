import { useCallback, useRef, useState } from 'react';
import type { HttpClient } from '../api/http-client';
import { useSession } from '../app/session-context';
import { latestRequests } from './latest-request';

/**
 * One list read by requests that may overlap (a new search, another page, more by cursor): what the latest request
 * brought, whether it is still loading and how it failed. An earlier request answering late changes nothing.
 * `fetch` should be a module function, so that `load` changes only with the session's client.
 */
export function useLatestLoad<Args extends unknown[], Result>(
  fetch: (http: HttpClient, ...args: Args) => Promise<Result>,
): { result: Result | null; loading: boolean; error: unknown; load: (...args: Args) => Promise<void> } {
  const { http } = useSession();
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requests = useRef(latestRequests());

  const load = useCallback(
    async (...args: Args) => {
      const isLatest = requests.current.start();
      setLoading(true);
      setError(null);
      try {
        const loaded = await fetch(http, ...args);
        if (isLatest()) setResult(loaded);
      } catch (failure) {
        if (isLatest()) setError(failure);
      } finally {
        if (isLatest()) setLoading(false);
      }
    },
    [http, fetch],
  );

  return { result, loading, error, load };
}
