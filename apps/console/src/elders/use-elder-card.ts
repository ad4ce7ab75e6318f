import type { ElderCard } from '@eldercare/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { fetchElder } from '../api/elders-api';
import { useSession } from '../app/session-context';

export type ElderCardState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; card: ElderCard };

/** One elder's record. Each fetch is an audited read, so it is fetched when the page opens and on retry only. */
export function useElderCard(elderId: string): { state: ElderCardState; reload: () => void } {
  const { http } = useSession();
  const [state, setState] = useState<ElderCardState>({ status: 'loading' });
  const latestRequest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latestRequest.current;
    fetchElder(http, elderId).then(
      (card) => request === latestRequest.current && setState({ status: 'ready', card }),
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        // Out of scope and not there are one answer: the api does not tell them apart.
        setState(
          error instanceof ApiError && error.status === 404 ? { status: 'not-found' } : { status: 'failed', error },
        );
      },
    );
  }, [http, elderId]);

  useEffect(reload, [reload]);

  return { state, reload };
}
