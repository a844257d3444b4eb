import { useId } from 'react';

interface AccountFieldProps {
  label: string;
  type: 'email' | 'password';
  value: string;
  autoComplete: string;
  /** The id of the form's error, while there is one. */
  describedBy: string | undefined;
  onChange: (value: string) => void;
}

/** A labelled field of the sign-in and password forms. */
export function AccountField(props: AccountFieldProps) {
  const id = useId();

  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        name={props.type === 'email' ? 'email' : undefined}
        value={props.value}
        required
        autoComplete={props.autoComplete}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </>
  );
}
