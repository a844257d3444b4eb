import { authedProcedure, router } from '../trpc.ts';
import { deleteImage } from './delete-image.ts';
import { reorderImages } from './reorder-images.ts';
import { imageInput, reorderImagesInput, updateAltInput } from './schemas.ts';
import { setCover } from './set-cover.ts';
import { updateAlt } from './update-alt.ts';

// Each change answers with the whole product, so the page shows exactly
// what the server holds once it is done.
export const imagesRouter = router({
  reorder: authedProcedure
    .input(reorderImagesInput)
    .mutation(({ ctx, input }) =>
      reorderImages(ctx, input.productId, input.imageIds),
    ),

  setCover: authedProcedure
    .input(imageInput)
    .mutation(({ ctx, input }) => setCover(ctx, input.id)),

  updateAlt: authedProcedure
    .input(updateAltInput)
    .mutation(({ ctx, input }) => updateAlt(ctx, input.id, input.alt)),

  delete: authedProcedure
    .input(imageInput)
    .mutation(({ ctx, input }) => deleteImage(ctx, input.id)),
});
