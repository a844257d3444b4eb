// @20minutes/s3rver ships no types; this covers what the app uses.
declare module '@20minutes/s3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    /** Set once `run` has started listening. */
    httpServer?: import('node:http').Server;
    close(): Promise<void>;
  }
}
