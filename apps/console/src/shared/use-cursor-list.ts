import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { HttpClient } from '../api/http-client';
import { useSession } from '../app/session-context';

/**
 * A list searched by filters and read newest first, each page after the cursor its predecessor gives (`before`):
 * the pages read so far for the filters asked last, and `more` while there are others.
 */
export function useCursorList<Filters, Page>(
  name: string,
  initial: Filters,
  read: (http: HttpClient, filters: Filters, before: string | null) => Promise<Page>,
  cursorAfter: (page: Page) => string | null,
): {
  filters: Filters;
  pages: Page[] | null;
  loading: boolean;
  error: unknown;
  search: Dispatch<SetStateAction<Filters>>;
  more: (() => void) | null;
} {
  const { http } = useSession();
  const [filters, search] = useState(initial);
  const { data, isFetching, error, hasNextPage, fetchNextPage } = useInfiniteQuery({
    queryKey: [name, filters],
    queryFn: ({ pageParam }) => read(http, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: cursorAfter,
  });
  return {
    filters,
    pages: data?.pages ?? null,
    loading: isFetching,
    error,
    search,
    more: hasNextPage ? () => void fetchNextPage() : null,
  };
}
