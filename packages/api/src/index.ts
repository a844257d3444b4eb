// The server-side entry point: the router and the ports a host implements.
// Browser code imports only `type AppRouter` from here, and constants from
// `@vitrine/api/rules`.
export {
  AdminExists,
  countAdmins,
  createAdmin,
  setAdminPassword,
} from './auth/admin-accounts.ts';
export type { AdminView } from './auth/log-in.ts';
export { email as emailSchema } from './auth/schemas.ts';
export {
  sessionIdleSeconds,
  sessionMaxSeconds,
} from './auth/session-limits.ts';
export type {
  Context,
  LoginLimits,
  PhotoSettings,
  RequestContext,
  SessionCookie,
  UploadLimits,
} from './context.ts';
export type { Database } from './db/schema.ts';
export { StoreUnavailable } from './errors.ts';
export {
  deleteQueuedObjects,
  queueObjectDeletion,
} from './objects/object-deletion.ts';
export type { DeletedProduct } from './products/delete-product.ts';
export type { ProductWithImages } from './products/get-product.ts';
export type {
  ProductPage,
  ProductPageRequest,
  ProductSummary,
} from './products/list-products.ts';
export type { ImageView, ProductView } from './products/view.ts';
export { type AppRouter, appRouter } from './router.ts';
export type {
  ObjectHead,
  ObjectStart,
  ObjectStore,
  SignedPut,
  SignPutRequest,
} from './store.ts';
export { createCallerFactory } from './trpc.ts';
export type { CompletedUploads } from './uploads/complete-uploads.ts';
export { type SweepOutcome, sweep } from './uploads/sweep.ts';
export type { UploadTicket } from './uploads/upload-ticket.ts';
