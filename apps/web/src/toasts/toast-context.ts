import { createContext, useContext } from 'react';

/** `error` toasts stay until dismissed; the others go by themselves. */
export type ToastTone = 'success' | 'error';

export interface Toaster {
  show(message: string, tone?: ToastTone): void;
}

export const ToastContext = createContext<Toaster | null>(null);

/** Tells the person how an action turned out, without a blocking alert. */
export function useToasts(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToasts needs a <ToastProvider> above it.');

  return toaster;
}
