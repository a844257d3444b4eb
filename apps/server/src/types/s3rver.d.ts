// @20minutes/s3rver ships no types; this covers what the app uses.
declare module '@20minutes/s3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
  }

  /** The Koa context s3rver's middleware sees; only what the app uses. */
  export interface S3rverContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    get(header: string): string;
    /** The request as Node received it; s3rver reads PUT bodies from it. */
    req: import('node:http').IncomingMessage;
    status: number;
    type: string;
    body: unknown;
  }

  type S3rverMiddleware = (
    ctx: S3rverContext,
    next: () => Promise<void>,
  ) => Promise<void>;

  export default class S3rver {
    /** Koa's middleware stack; composed when `run` starts listening. */
    middleware: S3rverMiddleware[];
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    /** Set once `run` has started listening. */
    httpServer?: import('node:http').Server;
    close(): Promise<void>;
  }
}
