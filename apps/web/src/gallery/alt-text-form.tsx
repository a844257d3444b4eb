import { altTextMaxLength, cleanDisplayText } from '@vitrine/api/rules';
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

  // Alt text is one line, as screen readers read it: what the server
  // refuses (a line break, a mark that reverses text) is cleaned away.
  const save = () => onSave(cleanDisplayText(alt));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
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
        // A pasted line break shows as the space it will be saved as.
        onChange={(event) =>
          setAlt(event.currentTarget.value.replace(/\r?\n|\r/g, ' '))
        }
        onKeyDown={(event) => {
          // Enter saves, with Shift too, as in a one-line field: the
          // textarea is only there to show long text whole.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          save();
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
