import { authedProcedure, router } from '../trpc.ts';
import { createProduct } from './create-product.ts';
import { deleteProduct } from './delete-product.ts';
import { getProduct } from './get-product.ts';
import { listProducts } from './list-products.ts';
import { renameProduct } from './rename-product.ts';
import {
  createProductInput,
  deleteProductInput,
  getProductInput,
  listProductsInput,
  renameProductInput,
} from './schemas.ts';

export const productsRouter = router({
  list: authedProcedure
    .input(listProductsInput)
    .query(({ ctx, input }) => listProducts(ctx, input)),

  create: authedProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx, input.name)),

  get: authedProcedure
    .input(getProductInput)
    .query(({ ctx, input }) => getProduct(ctx, input.id)),

  rename: authedProcedure
    .input(renameProductInput)
    .mutation(({ ctx, input }) => renameProduct(ctx, input.id, input.name)),

  delete: authedProcedure
    .input(deleteProductInput)
    .mutation(({ ctx, input }) => deleteProduct(ctx, input.id)),
});
