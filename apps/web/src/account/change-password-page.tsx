import { passwordMinLength } from '@vitrine/api/rules';
import { type FormEvent, useId, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { navigate } from '../routing/navigate.ts';
import { useToasts } from '../toasts/toast-context.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { AccountField } from './account-field.tsx';
import { FormEnd } from './form-end.tsx';

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
  const errorId = useId();
  const problem = mismatch
    ? 'The new password and its repetition differ.'
    : change.isError
      ? readableError(change.error, {
          currentPassword: 'the current password',
          newPassword: 'the new password',
        })
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    setMismatch(next !== again);
    if (next !== again) return;
    change.mutate({ currentPassword: current, newPassword: next });
  }

  const field = (
    label: string,
    value: string,
    set: (value: string) => void,
    autoComplete: string,
  ) => (
    <AccountField
      label={label}
      type="password"
      value={value}
      autoComplete={autoComplete}
      describedBy={problem ? errorId : undefined}
      onChange={set}
    />
  );

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <h1>Change password</h1>
      {required && (
        <p className="notice">
          You signed in with a one-time password; choose your own to go on.
        </p>
      )}
      {field('Current password', current, setCurrent, 'current-password')}
      {field('New password', next, setNext, 'new-password')}
      <p className="hint">At least {passwordMinLength} characters.</p>
      {field('New password again', again, setAgain, 'new-password')}
      <FormEnd
        problem={problem}
        errorId={errorId}
        pending={change.isPending}
        label="Change password"
        pendingLabel="Saving…"
      />
    </form>
  );
}
