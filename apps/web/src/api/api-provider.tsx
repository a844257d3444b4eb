import {
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { httpBatchLink, TRPCClientError } from '@trpc/client';
import { type ReactNode, useState } from 'react';
import { shouldRetry } from './should-retry.ts';
import { trpc } from './trpc.ts';

/** Gives every component below it the API client and the query cache. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A session that ends (idle, expired, signed out elsewhere) shows the
    // sign-in page: a refusal for want of one asks again who is signed in.
    // The auth procedures' own refusals (a wrong password) do not.
    const onError = (error: unknown, key: readonly unknown[] | undefined) => {
      if (!isUnauthorized(error) || isAuthKey(key)) return;
      void client.invalidateQueries({ queryKey: [['auth', 'me']] });
    };
    const client = new QueryClient({
      defaultOptions: { queries: { retry: shouldRetry } },
      queryCache: new QueryCache({
        onError: (error, query) => onError(error, query.queryKey),
      }),
      mutationCache: new MutationCache({
        onError: (error, _vars, _context, mutation) =>
          onError(error, mutation.options.mutationKey),
      }),
    });
    return client;
  });
  const [client] = useState(() =>
    trpc.createClient({ links: [httpBatchLink({ url: '/trpc' })] }),
  );

  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED'
  );
}

/** tRPC keys start with the procedure's path: [['auth', 'me'], …]. */
function isAuthKey(key: readonly unknown[] | undefined): boolean {
  const path = key?.[0];
  return Array.isArray(path) && path[0] === 'auth';
}
