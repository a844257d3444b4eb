import { createTRPCReact } from '@trpc/react-query';
import type { AppRouter } from '@vitrine/api';

/** Typed React hooks for every procedure of the API. */
export const trpc = createTRPCReact<AppRouter>();
