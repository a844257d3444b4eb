import { keepPreviousData } from '@tanstack/react-query';
import { trpc } from '../api/trpc.ts';

const productsPerPage = 24;

/**
 * The product list, a page at a time, newest first, filtered by name.
 * While a new search loads, the previous results stay in place.
 */
export function useProductPages(search: string) {
  const trimmed = search.trim();

  return trpc.products.list.useInfiniteQuery(
    { limit: productsPerPage, ...(trimmed ? { search: trimmed } : {}) },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    },
  );
}
