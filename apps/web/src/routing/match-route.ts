export type Route =
  | { page: 'products' }
  | { page: 'product'; id: number }
  | { page: 'account' }
  | { page: 'not-found' };

const productPattern = /^\/products\/([1-9][0-9]{0,14})\/?$/;

/** Which page an address shows. */
export function matchRoute(path: string): Route {
  if (path === '/') return { page: 'products' };
  if (path === '/account') return { page: 'account' };

  const id = productPattern.exec(path)?.[1];
  if (id !== undefined) return { page: 'product', id: Number(id) };

  return { page: 'not-found' };
}
