import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { Link } from '../routing/link.tsx';
import { useToasts } from '../toasts/toast-context.ts';

/** Who is signed in, and the way to change password or sign out. */
export function AccountMenu({ email }: { email: string }) {
  const toasts = useToasts();
  const logout = trpc.auth.logout.useMutation({
    onSuccess: () => {
      // A fresh page: nothing the session fetched stays in memory.
      window.location.assign('/');
    },
    onError: (error) => {
      // Already ended (elsewhere, or idle): the fresh page asks to sign in.
      if (error.data?.code === 'UNAUTHORIZED') window.location.assign('/');
      else toasts.show(readableError(error), 'error');
    },
  });

  return (
    <nav className="account-menu" aria-label="Account">
      <span className="muted">{email}</span>
      <Link to="/account">Change password</Link>
      <button
        type="button"
        className="secondary small"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        Sign out
      </button>
    </nav>
  );
}
