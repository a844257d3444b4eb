import { type FormEvent, useId, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/** The only page shown without a session. */
export function LoginPage() {
  useDocumentTitle('Sign in');
  const utils = trpc.useUtils();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = trpc.auth.login.useMutation({
    onSuccess: (admin) => {
      setPassword('');
      utils.auth.me.setData(undefined, admin);
    },
  });
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const problem = login.isError ? readableError(login.error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate({ email, password });
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
      <label htmlFor={emailId}>Email</label>
      <input
        id={emailId}
        type="email"
        name="email"
        value={email}
        required
        autoComplete="username"
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => setEmail(event.currentTarget.value)}
      />
      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        type="password"
        name="password"
        value={password}
        required
        autoComplete="current-password"
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <div aria-live="polite">
        {problem && (
          <p id={errorId} className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
