/** The address of a product's page; `matchRoute` reads it back. */
export function productPath(id: number): string {
  return `/products/${id}`;
}
