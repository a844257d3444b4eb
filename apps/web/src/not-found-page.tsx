import { Link } from './routing/link.tsx';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Page not found');

  return (
    <>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">See all products</Link>.
      </p>
    </>
  );
}
