import type { FastifyRequest } from 'fastify';

/** JSON-RPC error numbers that tRPC gives its codes. */
const rpcCodes = {
  FORBIDDEN: -32003,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
} as const;

/**
 * An error answered before the router runs, shaped as tRPC shapes its own,
 * so that the web app reads the message like any other refusal. A batched
 * request gets one error per call, as tRPC's batch link expects.
 */
export function trpcErrorBody(
  request: FastifyRequest,
  code: keyof typeof rpcCodes,
  httpStatus: number,
  message: string,
): unknown {
  const error = {
    error: {
      message,
      code: rpcCodes[code],
      data: { code, httpStatus },
    },
  };
  const path = request.url.split('?', 1)[0] ?? '';
  const query = request.url.split('?')[1] ?? '';
  if (!new URLSearchParams(query).has('batch')) return error;

  const calls = path.slice('/trpc/'.length).split(',');
  return calls.map(() => error);
}
