import type { ElderCard } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { fetchElder } from '../api/elders-api';
import { useSession } from '../app/session-context';

export type ElderCardState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; card: ElderCard };

/**
 * One elder's record. Each fetch is an audited read, so it is fetched when the page opens and on retry only: not
 * again after a network or socket gap.
 */
export function useElderCard(elderId: string): { state: ElderCardState; reload: () => void } {
  const { http } = useSession();
  const { data, error, refetch } = useQuery({
    queryKey: ['elder', elderId],
    queryFn: () => fetchElder(http, elderId),
    meta: { audited: true },
  });
  return { state: cardState(data, error), reload: () => void refetch() };
}

function cardState(card: ElderCard | undefined, error: unknown): ElderCardState {
  // Out of scope and not there are one answer: the api does not tell them apart.
  if (error instanceof ApiError && error.status === 404) return { status: 'not-found' };
  if (error) return { status: 'failed', error };
  if (card) return { status: 'ready', card };
  return { status: 'loading' };
}
