import { QueryClient, type Query } from '@tanstack/react-query';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** A read the api records in the audit log (an elder's record): made when the page opens and on retry only. */
      audited?: boolean;
    };
  }
}

/**
 * The server state of one signed-in session, dropped with it so that the next user starts from nothing. A failed
 * read shows its error at once (the pages offer to retry), and nothing is read again because the window got focus:
 * the lists are read afresh when the network or a live socket comes back instead (`refetchAfterGap`).
 */
export function sessionQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: (query) => !query.meta?.audited },
    },
  });
}

/** After a socket gap the lists on screen may have missed changes: every one but an audited read is read again. */
export function refetchAfterGap(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query: Query) => !query.meta?.audited });
}
