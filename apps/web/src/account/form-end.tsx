interface FormEndProps {
  problem: string | undefined;
  errorId: string;
  pending: boolean;
  label: string;
  pendingLabel: string;
}

/**
 * Where an account form says what went wrong, and its submit button. The
 * button is never disabled, only said to be busy: a disabled button drops
 * the keyboard focus to the page. The form ignores a second submit.
 */
export function FormEnd(props: FormEndProps) {
  return (
    <>
      <div aria-live="polite">
        {props.problem && (
          <p id={props.errorId} className="field-error">
            {props.problem}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" aria-disabled={props.pending}>
          {props.pending ? props.pendingLabel : props.label}
        </button>
      </div>
    </>
  );
}
