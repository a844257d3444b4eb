import { publicProcedure, router } from '../trpc.ts';
import { completeUploads } from './complete-uploads.ts';
import { createUploads } from './create-uploads.ts';
import { completeUploadsInput, createUploadsInput } from './schemas.ts';

export const uploadsRouter = router({
  create: publicProcedure
    .input(createUploadsInput)
    .mutation(({ ctx, input }) =>
      createUploads(ctx, input.productId, input.files),
    ),

  complete: publicProcedure
    .input(completeUploadsInput)
    .mutation(({ ctx, input }) =>
      completeUploads(ctx, input.productId, input.uploadIds),
    ),
});
