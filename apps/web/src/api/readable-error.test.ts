import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { readableError } from './readable-error.ts';

function refusal(message: string) {
  return TRPCClientError.from({
    error: {
      message,
      code: -32600,
      data: { code: 'BAD_REQUEST', httpStatus: 400 },
    },
  });
}

describe('readableError', () => {
  it("names the fields with the form's words", () => {
    const error = refusal(
      'newPassword: must be at least 12 characters; ' +
        'currentPassword: is required',
    );

    expect(
      readableError(error, {
        newPassword: 'the new password',
        currentPassword: 'the current password',
      }),
    ).toBe(
      'The new password must be at least 12 characters; ' +
        'the current password is required.',
    );
  });

  it('leaves fields it has no words for as the server wrote them', () => {
    expect(readableError(refusal('files[0].size: must be a number'))).toBe(
      'Files[0].size: must be a number.',
    );
  });

  it('says the server could not be reached when no tRPC answer came', () => {
    expect(readableError(new TRPCClientError('fetch failed'))).toMatch(
      /^The server could not be reached/,
    );
  });
});
