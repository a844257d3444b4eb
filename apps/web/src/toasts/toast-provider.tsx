import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { ToastContext, type Toaster, type ToastTone } from './toast-context.ts';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

/** Long enough to read two lines twice. */
const successLifetimeMs = 6000;
/** Older toasts give way so the stack never covers the page. */
const mostShown = 4;

/**
 * Holds the toasts and shows them in two live regions that exist from the
 * start, since a region added together with its text is often not read
 * out: a polite one for outcomes, an assertive one for failures.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const toaster = useMemo<Toaster>(
    () => ({
      show(message, tone = 'success') {
        const id = nextId.current;
        nextId.current += 1;
        setToasts((current) => [
          ...current.slice(-(mostShown - 1)),
          { id, message, tone },
        ]);
        if (tone === 'success') {
          setTimeout(() => dismiss(id), successLifetimeMs);
        }
      },
    }),
    [dismiss],
  );

  return (
    <ToastContext value={toaster}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status">
          {toasts
            .filter((toast) => toast.tone === 'success')
            .map((toast) => (
              <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
            ))}
        </div>
        <div role="alert">
          {toasts
            .filter((toast) => toast.tone === 'error')
            .map((toast) => (
              <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
            ))}
        </div>
      </section>
    </ToastContext>
  );
}

function ToastItem({
  toast,
  onDismiss,
}: {
  toast: Toast;
  onDismiss: (id: number) => void;
}) {
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast">
      <p>{toast.message}</p>
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss this message"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
