import { productNameMaxLength } from '@vitrine/api/rules';
import { type FormEvent, useId, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { navigate } from '../routing/navigate.ts';
import { productPath } from '../routing/product-path.ts';
import { useToasts } from '../toasts/toast-context.ts';

/**
 * Adds a product by name and opens it, since photos come next. The
 * server's refusal shows under the field.
 */
export function AddProductForm() {
  const utils = trpc.useUtils();
  const toasts = useToasts();
  const [name, setName] = useState('');
  const create = trpc.products.create.useMutation({
    onSuccess: (product) => {
      setName('');
      void utils.products.list.invalidate();
      toasts.show(`Added “${product.name}”; now add its photos.`);
      navigate(productPath(product.id));
    },
  });
  const inputId = useId();
  const errorId = useId();
  const problem = create.isError
    ? readableError(create.error, { name: 'the name' })
    : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    // noValidate: the server's words show inline, not a browser bubble.
    <form className="add-product" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Product name</label>
      <div className="field-row">
        <input
          id={inputId}
          name="name"
          value={name}
          required
          maxLength={productNameMaxLength}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => {
            setName(event.currentTarget.value);
            if (!create.isIdle) create.reset();
          }}
        />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add product'}
        </button>
      </div>
      <div aria-live="polite">
        {problem && (
          <p id={errorId} className="field-error">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
