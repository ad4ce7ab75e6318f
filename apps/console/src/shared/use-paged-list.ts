import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HttpClient } from '../api/http-client';
import { useSession } from '../app/session-context';

/**
 * A list searched by filters and read a page at a time by offset: the page asked last (an answer to an earlier
 * search never replaces it), kept on screen while the next one loads.
 */
export function usePagedList<Filters, Page>(
  name: string,
  initial: Filters,
  read: (http: HttpClient, filters: Filters, offset: number) => Promise<Page>,
): {
  results: { filters: Filters; offset: number; page: Page } | null;
  loading: boolean;
  error: unknown;
  load: (filters: Filters, offset: number) => void;
  reload: () => void;
} {
  const { http } = useSession();
  const [asked, setAsked] = useState({ filters: initial, offset: 0 });
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: [name, asked],
    queryFn: async () => ({ ...asked, page: await read(http, asked.filters, asked.offset) }),
    placeholderData: keepPreviousData,
  });
  return {
    results: data ?? null,
    loading: isFetching,
    error,
    load: (filters, offset) => setAsked({ filters, offset }),
    reload: () => void refetch(),
  };
}
