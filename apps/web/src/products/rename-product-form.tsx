import type { ProductView } from '@vitrine/api';
import { productNameMaxLength } from '@vitrine/api/rules';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { useToasts } from '../toasts/toast-context.ts';

interface RenameProductFormProps {
  product: ProductView;
  onDone: () => void;
}

/** Renames a product in place; the server's refusal shows under the field. */
export function RenameProductForm({ product, onDone }: RenameProductFormProps) {
  const utils = trpc.useUtils();
  const toasts = useToasts();
  const [name, setName] = useState(product.name);
  const field = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const rename = trpc.products.rename.useMutation({
    onSuccess: (renamed) => {
      utils.products.get.setData({ id: product.id }, (current) =>
        current ? { ...current, ...renamed } : current,
      );
      void utils.products.list.invalidate();
      toasts.show(`Renamed to “${renamed.name}”.`);
      onDone();
    },
  });
  const problem = rename.isError
    ? readableError(rename.error, { name: 'the name' })
    : undefined;

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === product.name) onDone();
    else rename.mutate({ id: product.id, name });
  }

  return (
    <form
      className="rename-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label htmlFor={inputId}>Product name</label>
      <div className="field-row">
        <input
          ref={field}
          id={inputId}
          value={name}
          maxLength={productNameMaxLength}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <button type="submit" disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
