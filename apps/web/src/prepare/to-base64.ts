/** Standard base64 (not base64url) of some bytes, in the browser or Node. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In slices: spreading a whole photo into one call overflows the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }

  return btoa(text);
}
