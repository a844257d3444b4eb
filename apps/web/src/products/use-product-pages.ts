import { trpc } from '../api/trpc.ts';

const productsPerPage = 24;

/** The product list, a page at a time, newest first. */
export function useProductPages() {
  return trpc.products.list.useInfiniteQuery(
    { limit: productsPerPage },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
