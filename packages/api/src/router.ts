import { productsRouter } from './products/router.ts';
import { router } from './trpc.ts';
import { uploadsRouter } from './uploads/router.ts';

export const appRouter = router({
  products: productsRouter,
  uploads: uploadsRouter,
});

export type AppRouter = typeof appRouter;
