import { productSearchMaxLength } from '@vitrine/api/rules';
import { useEffect, useId, useState } from 'react';

/** Waits for a pause in typing before asking the server again. */
const typingPauseMs = 250;

interface ProductSearchProps {
  value: string;
  onSearch: (value: string) => void;
}

/** A search field for product names that follows the address. */
export function ProductSearch({ value, onSearch }: ProductSearchProps) {
  const [text, setText] = useState(value);
  const inputId = useId();

  // Back and forward change the address; the field follows it.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), typingPauseMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <search className="product-search">
      <label htmlFor={inputId}>Search products</label>
      <input
        id={inputId}
        type="search"
        value={text}
        maxLength={productSearchMaxLength}
        placeholder="Part of a name"
        autoComplete="off"
        onChange={(event) => setText(event.currentTarget.value)}
      />
    </search>
  );
}
