import { maxImagesPerProduct } from '../rules/limits.ts';
import { authedProcedure, router } from '../trpc.ts';
import { cancelUploads } from './cancel-uploads.ts';
import { completeUploads } from './complete-uploads.ts';
import { createUploads } from './create-uploads.ts';
import { renewUpload } from './renew-upload.ts';
import {
  cancelUploadsInput,
  completeUploadsInput,
  createUploadsInput,
  renewUploadInput,
  unfinishedUploadsInput,
} from './schemas.ts';
import { listUnfinishedUploads } from './unfinished-uploads.ts';

export const uploadsRouter = router({
  /**
   * What the browser checks before asking, the server's own limits, and
   * what it does to each photo first.
   */
  limits: authedProcedure.query(({ ctx }) => ({
    maxUploadBytes: ctx.limits.maxUploadBytes,
    maxImagesPerProduct,
    ...ctx.photos,
  })),

  create: authedProcedure
    .input(createUploadsInput)
    .mutation(({ ctx, input }) =>
      createUploads(ctx, input.productId, input.files),
    ),

  renew: authedProcedure
    .input(renewUploadInput)
    .mutation(({ ctx, input }) =>
      renewUpload(ctx, input.productId, input.uploadId),
    ),

  complete: authedProcedure
    .input(completeUploadsInput)
    .mutation(({ ctx, input }) =>
      completeUploads(
        ctx,
        input.productId,
        input.uploadIds,
        input.placeholders,
      ),
    ),

  /** Every upload still holding one of the product's places. */
  unfinished: authedProcedure
    .input(unfinishedUploadsInput)
    .query(({ ctx, input }) => listUnfinishedUploads(ctx, input.productId)),

  cancel: authedProcedure
    .input(cancelUploadsInput)
    .mutation(({ ctx, input }) =>
      cancelUploads(ctx, input.productId, input.uploadIds),
    ),
});
