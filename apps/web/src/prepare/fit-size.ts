/** A width and a height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The size to give a picture so that its longest edge is at most
 * `maxEdge` pixels, keeping its proportions. A picture already small
 * enough keeps its size; no edge becomes smaller than one pixel.
 */
export function fitSize(size: Size, maxEdge: number): Size {
  const scale = maxEdge / Math.max(size.width, size.height);
  if (scale >= 1) return { width: size.width, height: size.height };

  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
