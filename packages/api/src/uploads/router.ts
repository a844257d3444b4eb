import { maxImagesPerProduct } from '../rules/limits.ts';
import { publicProcedure, router } from '../trpc.ts';
import { cancelUploads } from './cancel-uploads.ts';
import { completeUploads } from './complete-uploads.ts';
import { createUploads } from './create-uploads.ts';
import { renewUpload } from './renew-upload.ts';
import {
  cancelUploadsInput,
  completeUploadsInput,
  createUploadsInput,
  renewUploadInput,
} from './schemas.ts';

export const uploadsRouter = router({
  /** What the browser checks before asking: the server's own limits. */
  limits: publicProcedure.query(({ ctx }) => ({
    maxUploadBytes: ctx.limits.maxUploadBytes,
    maxImagesPerProduct,
  })),

  create: publicProcedure
    .input(createUploadsInput)
    .mutation(({ ctx, input }) =>
      createUploads(ctx, input.productId, input.files),
    ),

  renew: publicProcedure
    .input(renewUploadInput)
    .mutation(({ ctx, input }) =>
      renewUpload(ctx, input.productId, input.uploadId),
    ),

  complete: publicProcedure
    .input(completeUploadsInput)
    .mutation(({ ctx, input }) =>
      completeUploads(ctx, input.productId, input.uploadIds),
    ),

  cancel: publicProcedure
    .input(cancelUploadsInput)
    .mutation(({ ctx, input }) =>
      cancelUploads(ctx, input.productId, input.uploadIds),
    ),
});
