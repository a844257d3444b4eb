import { publicProcedure, router } from '../trpc.ts';
import { deleteImage } from './delete-image.ts';
import { reorderImages } from './reorder-images.ts';
import { imageInput, reorderImagesInput, updateAltInput } from './schemas.ts';
import { setCover } from './set-cover.ts';
import { updateAlt } from './update-alt.ts';

// Each change answers with the whole product, so the page shows exactly
// what the server holds once it is done.
export const imagesRouter = router({
  reorder: publicProcedure
    .input(reorderImagesInput)
    .mutation(({ ctx, input }) =>
      reorderImages(ctx, input.productId, input.imageIds),
    ),

  setCover: publicProcedure
    .input(imageInput)
    .mutation(({ ctx, input }) => setCover(ctx, input.id)),

  updateAlt: publicProcedure
    .input(updateAltInput)
    .mutation(({ ctx, input }) => updateAlt(ctx, input.id, input.alt)),

  delete: publicProcedure
    .input(imageInput)
    .mutation(({ ctx, input }) => deleteImage(ctx, input.id)),
});
