import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changePasswordInput, logInInput } from '../auth/schemas.ts';
import { imageInput, updateAltInput } from '../images/schemas.ts';
import {
  createProductInput,
  getProductInput,
  listProductsInput,
} from '../products/schemas.ts';
import { hiddenControls, loneSurrogate } from '../rules/display-characters.ts';
import {
  completeUploadsInput,
  createUploadsInput,
} from '../uploads/schemas.ts';

// Whatever a client sends, each input schema either refuses it with a
// message per issue, or hands on a value that keeps the rules.

/** Any JSON-ish value, with awkward strings and numbers mixed in. */
const hostileValue = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 53, 1e308, '', ' ', '\u202E'),
);

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\u202Eevil',
    '\uD800',
    '  \u200B ',
    '👍🏽',
    'שלום',
  ),
);

function expectReadableIssues(result: { success: boolean; error?: unknown }) {
  if (result.success) return;
  const issues = (result.error as { issues: { message: string }[] }).issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(issue.message.length).toBeGreaterThan(2);
}

function expectReadableName(name: string, maxLength: number) {
  expect(name).toBe(name.trim());
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(maxLength);
  expect(hiddenControls.test(name)).toBe(false);
  expect(loneSurrogate.test(name)).toBe(false);
}

const isId = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 1;

describe('input schemas', () => {
  it('products.create keeps names readable', () => {
    fc.assert(
      fc.property(fc.oneof(text, hostileValue), (name) => {
        const result = createProductInput.safeParse({ name });
        expectReadableIssues(result);
        if (result.success) expectReadableName(result.data.name, 200);
      }),
    );
  });

  it('ids are whole, positive and exact, or refused', () => {
    fc.assert(
      fc.property(hostileValue, (id) => {
        for (const schema of [getProductInput, imageInput]) {
          const result = schema.safeParse({ id });
          expectReadableIssues(result);
          if (result.success) expect(isId(result.data.id)).toBe(true);
        }
      }),
    );
  });

  it('products.list bounds its page and search', () => {
    fc.assert(
      fc.property(
        fc.record(
          { limit: hostileValue, cursor: hostileValue, search: text },
          { requiredKeys: [] },
        ),
        (input) => {
          const result = listProductsInput.safeParse(input);
          expectReadableIssues(result);
          if (!result.success) return;
          expect(result.data.limit).toBeGreaterThanOrEqual(1);
          expect(result.data.limit).toBeLessThanOrEqual(100);
          expect((result.data.search ?? '').length).toBeLessThanOrEqual(200);
        },
      ),
    );
  });

  it('uploads.create takes 1–5 files with readable names and exact sizes', () => {
    const declared = fc.record({
      name: fc.oneof(text, hostileValue),
      type: fc.oneof(fc.constantFrom('image/jpeg', 'image/svg+xml'), text),
      size: fc.oneof(fc.integer({ min: -1, max: 2 ** 40 }), hostileValue),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 10 }), hostileValue),
        fc.array(declared, { maxLength: 8 }),
        (productId, files) => {
          const result = createUploadsInput.safeParse({ productId, files });
          expectReadableIssues(result);
          if (!result.success) return;
          expect(isId(result.data.productId)).toBe(true);
          expect(result.data.files.length).toBeGreaterThanOrEqual(1);
          expect(result.data.files.length).toBeLessThanOrEqual(5);
          for (const file of result.data.files) {
            expectReadableName(file.name, 255);
            expect(Number.isSafeInteger(file.size)).toBe(true);
            expect(file.size).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('uploads.complete takes 1–5 distinct, well-formed upload ids', () => {
    const uploadId = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      fc.constantFrom('../x', '', 'a b'),
      hostileValue,
    );
    fc.assert(
      fc.property(fc.array(uploadId, { maxLength: 7 }), (uploadIds) => {
        const result = completeUploadsInput.safeParse({
          productId: 1,
          uploadIds,
        });
        expectReadableIssues(result);
        if (!result.success) return;
        const ids = result.data.uploadIds;
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBeGreaterThanOrEqual(1);
        expect(ids.length).toBeLessThanOrEqual(5);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      }),
    );
  });

  it('alt text stays bounded and free of hidden marks', () => {
    fc.assert(
      fc.property(fc.oneof(text, hostileValue), (alt) => {
        const result = updateAltInput.safeParse({ id: 1, alt });
        expectReadableIssues(result);
        if (!result.success) return;
        expect(result.data.alt.length).toBeLessThanOrEqual(500);
        expect(hiddenControls.test(result.data.alt)).toBe(false);
      }),
    );
  });

  it('log-in and password changes bound what reaches the hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, hostileValue),
        fc.oneof(text, hostileValue),
        (email, password) => {
          const login = logInInput.safeParse({ email, password });
          expectReadableIssues(login);
          if (login.success) {
            expect(login.data.email.length).toBeLessThanOrEqual(254);
            expect(login.data.password.length).toBeLessThanOrEqual(1024);
          }
          const change = changePasswordInput.safeParse({
            currentPassword: password,
            newPassword: email,
          });
          expectReadableIssues(change);
          if (change.success) {
            expect(change.data.newPassword.length).toBeGreaterThanOrEqual(12);
            expect(change.data.newPassword).not.toBe(
              change.data.currentPassword,
            );
          }
        },
      ),
    );
  });
});
