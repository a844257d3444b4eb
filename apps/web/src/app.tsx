import { NotFoundPage } from './not-found-page.tsx';
import { ProductListPage } from './products/product-list-page.tsx';
import { ProductPage } from './products/product-page.tsx';
import { Link } from './routing/link.tsx';
import { matchRoute, type Route } from './routing/match-route.ts';
import { usePath } from './routing/use-path.ts';

/** The frame every page shares, and the page the address asks for. */
export function App() {
  const route = matchRoute(usePath());

  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          Vitrine
        </Link>
      </header>
      <main className="page">{renderPage(route)}</main>
    </>
  );
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'products':
      return <ProductListPage />;
    case 'product':
      // The key drops one product's upload rows when another is opened.
      return <ProductPage key={route.id} id={route.id} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
