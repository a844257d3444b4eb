import { authRouter } from './auth/router.ts';
import { imagesRouter } from './images/router.ts';
import { productsRouter } from './products/router.ts';
import { router } from './trpc.ts';
import { uploadsRouter } from './uploads/router.ts';

export const appRouter = router({
  auth: authRouter,
  products: productsRouter,
  uploads: uploadsRouter,
  images: imagesRouter,
});

export type AppRouter = typeof appRouter;
