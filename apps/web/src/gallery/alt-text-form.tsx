import { altTextMaxLength } from '@vitrine/api/rules';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

interface AltTextFormProps {
  /** Names the photo for the field's label: "photo 2 (lamp.jpg)". */
  label: string;
  initial: string;
  onSave: (alt: string) => void;
  onCancel: () => void;
}

/** Edits one photo's alt text in place; Escape leaves it unchanged. */
export function AltTextForm({
  label,
  initial,
  onSave,
  onCancel,
}: AltTextFormProps) {
  const [alt, setAlt] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();

  // The person asked to edit: the field takes focus, its text selected.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave(alt);
  }

  return (
    <form
      className="alt-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <label htmlFor={fieldId}>Alt text for {label}</label>
      <textarea
        ref={field}
        id={fieldId}
        rows={3}
        value={alt}
        maxLength={altTextMaxLength}
        aria-describedby={hintId}
        onChange={(event) => setAlt(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter saves, as in a one-line field; Shift+Enter is a new line.
          if (event.key !== 'Enter' || event.shiftKey) return;
          event.preventDefault();
          onSave(alt);
        }}
      />
      <p id={hintId} className="hint">
        What the photo shows, for people who cannot see it.
      </p>
      <div className="form-actions">
        <button type="submit" className="small">
          Save
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
