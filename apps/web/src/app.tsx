import { AccountMenu } from './account/account-menu.tsx';
import { ChangePasswordPage } from './account/change-password-page.tsx';
import { LoginPage } from './account/login-page.tsx';
import { readableError } from './api/readable-error.ts';
import { trpc } from './api/trpc.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { ProductListPage } from './products/product-list-page.tsx';
import { ProductPage } from './products/product-page.tsx';
import { Link } from './routing/link.tsx';
import { matchRoute, type Route } from './routing/match-route.ts';
import { usePath } from './routing/use-path.ts';

/**
 * The frame every page shares, and the page the address asks for; the
 * sign-in page instead while there is no session.
 */
export function App() {
  const route = matchRoute(usePath());
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });
  const signedOut = me.error?.data?.code === 'UNAUTHORIZED';

  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          Vitrine
        </Link>
        {me.data && !signedOut && <AccountMenu email={me.data.email} />}
      </header>
      <main className="page">
        {/* A session that ends keeps the last answer as data: the
            refusal that came after it wins. */}
        {signedOut ? (
          <LoginPage />
        ) : me.data ? (
          me.data.mustChangePassword ? (
            <ChangePasswordPage required />
          ) : (
            renderPage(route)
          )
        ) : me.isError ? (
          <p className="notice" role="alert">
            {readableError(me.error)}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </main>
    </>
  );
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'account':
      return <ChangePasswordPage required={false} />;
    case 'products':
      return <ProductListPage />;
    case 'product':
      // The key drops one product's upload rows when another is opened.
      return <ProductPage key={route.id} id={route.id} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
