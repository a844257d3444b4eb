import { type FormEvent, useId, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { AccountField } from './account-field.tsx';
import { FormEnd } from './form-end.tsx';

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
  const errorId = useId();
  const problem = login.isError
    ? readableError(login.error, { email: 'email', password: 'password' })
    : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!login.isPending) login.mutate({ email, password });
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
      <AccountField
        label="Email"
        type="email"
        value={email}
        autoComplete="username"
        describedBy={problem ? errorId : undefined}
        onChange={setEmail}
      />
      <AccountField
        label="Password"
        type="password"
        value={password}
        autoComplete="current-password"
        describedBy={problem ? errorId : undefined}
        onChange={setPassword}
      />
      <FormEnd
        problem={problem}
        errorId={errorId}
        pending={login.isPending}
        label="Sign in"
        pendingLabel="Signing in…"
      />
    </form>
  );
}
