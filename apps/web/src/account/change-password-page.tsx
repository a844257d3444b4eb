import { passwordMinLength } from '@vitrine/api/rules';
import { type FormEvent, useId, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { navigate } from '../routing/navigate.ts';
import { useToasts } from '../toasts/toast-context.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * Sets a new password. After a first start it is the only page until the
 * generated password is replaced. Other browsers' sessions end.
 */
export function ChangePasswordPage({ required }: { required: boolean }) {
  useDocumentTitle('Change password');
  const utils = trpc.useUtils();
  const toasts = useToasts();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: (admin) => {
      utils.auth.me.setData(undefined, admin);
      toasts.show('Your password is changed; other sessions have ended.');
      navigate('/');
    },
  });
  const ids = { current: useId(), next: useId(), again: useId() };
  const errorId = useId();
  const problem = mismatch
    ? 'The new password and its repetition differ.'
    : change.isError
      ? readableError(change.error)
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMismatch(next !== again);
    if (next !== again) return;
    change.mutate({ currentPassword: current, newPassword: next });
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (value: string) => void,
    autoComplete: string,
  ) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        value={value}
        required
        autoComplete={autoComplete}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => set(event.currentTarget.value)}
      />
    </>
  );

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <h1>Change password</h1>
      {required && (
        <p className="notice">
          You signed in with a one-time password; choose your own to go on.
        </p>
      )}
      {field(
        ids.current,
        'Current password',
        current,
        setCurrent,
        'current-password',
      )}
      {field(ids.next, 'New password', next, setNext, 'new-password')}
      <p className="hint">At least {passwordMinLength} characters.</p>
      {field(ids.again, 'New password again', again, setAgain, 'new-password')}
      <div aria-live="polite">
        {problem && (
          <p id={errorId} className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
