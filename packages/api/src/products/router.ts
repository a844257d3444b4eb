import { publicProcedure, router } from '../trpc.ts';
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
  list: publicProcedure
    .input(listProductsInput)
    .query(({ ctx, input }) => listProducts(ctx, input)),

  create: publicProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx, input.name)),

  get: publicProcedure
    .input(getProductInput)
    .query(({ ctx, input }) => getProduct(ctx, input.id)),

  rename: publicProcedure
    .input(renameProductInput)
    .mutation(({ ctx, input }) => renameProduct(ctx, input.id, input.name)),

  delete: publicProcedure
    .input(deleteProductInput)
    .mutation(({ ctx, input }) => deleteProduct(ctx, input.id)),
});
