import { describe, expect, it } from 'vitest';
import { manifest } from '../../apps/server/test/support/fixtures.ts';
import { sha256Base64 } from './photo-digest.ts';
import { realPhotos } from './photos.ts';

describe('sha256Base64', () => {
  it("gives each fixture's SHA-256, in base64 as the API takes it", () => {
    for (const photo of realPhotos()) {
      const fixture = manifest.accept.find((f) => f.file.endsWith(photo.name));
      const hex = (fixture as { sha256?: string } | undefined)?.sha256;
      expect(hex).toBeDefined();

      const digest = sha256Base64(photo);

      expect(digest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(digest, 'base64').toString('hex')).toBe(hex);
    }
  });

  it('gives the same digest for the same photo again', () => {
    const [photo] = realPhotos();
    if (!photo) throw new Error('no fixture photo');

    expect(sha256Base64(photo)).toBe(sha256Base64(photo));
  });
});
