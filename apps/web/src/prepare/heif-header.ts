import { ascii, viewOf } from './byte-view.ts';

interface Box {
  type: string;
  /** Where its payload starts, after the size and type. */
  start: number;
  end: number;
}

/** The boxes laid end to end between two offsets. */
function boxesIn(bytes: Uint8Array, from: number, to: number): Box[] {
  const view = viewOf(bytes);
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    const size = view.getUint32(at);
    if (size < 8 || at + size > to) break;
    boxes.push({
      type: ascii(bytes, at + 4, 4),
      start: at + 8,
      end: at + size,
    });
    at += size;
  }

  return boxes;
}

function child(bytes: Uint8Array, parent: Box | undefined, type: string) {
  if (!parent) return undefined;
  // meta is a full box: version and flags come before its children.
  const from = parent.type === 'meta' ? parent.start + 4 : parent.start;

  return boxesIn(bytes, from, parent.end).find((box) => box.type === type);
}

/**
 * The displayed size of a HEIF file's primary picture (HEIC or AVIF): its
 * `ispe` size, turned a quarter when its `irot` says so. HEIF has no EXIF
 * orientation: the rotation is a property of the picture.
 */
export function readHeifSize(
  bytes: Uint8Array,
): { width: number; height: number } | undefined {
  const view = viewOf(bytes);
  const meta = boxesIn(bytes, 0, bytes.length).find((b) => b.type === 'meta');
  const pitm = child(bytes, meta, 'pitm');
  const iprp = child(bytes, meta, 'iprp');
  const ipco = child(bytes, iprp, 'ipco');
  const ipma = child(bytes, iprp, 'ipma');
  if (!pitm || !ipco || !ipma) return undefined;

  const primary =
    bytes[pitm.start] === 0
      ? view.getUint16(pitm.start + 4)
      : view.getUint32(pitm.start + 4);
  const properties = boxesIn(bytes, ipco.start, ipco.end);
  const ours = associations(bytes, ipma, primary).map((i) => properties[i]);
  const ispe = ours.find((box) => box?.type === 'ispe');
  const irot = ours.find((box) => box?.type === 'irot');
  if (!ispe) return undefined;

  const width = view.getUint32(ispe.start + 4);
  const height = view.getUint32(ispe.start + 8);
  const quarterTurn = irot ? (bytes[irot.start] ?? 0) % 2 === 1 : false;

  return quarterTurn ? { width: height, height: width } : { width, height };
}

/** The 0-based indexes into ipco of the properties an item has. */
function associations(bytes: Uint8Array, ipma: Box, item: number): number[] {
  const view = viewOf(bytes);
  const version = bytes[ipma.start] ?? 0;
  const wideIndexes = ((bytes[ipma.start + 3] ?? 0) & 1) === 1;
  const entries = view.getUint32(ipma.start + 4);
  let at = ipma.start + 8;

  for (let entry = 0; entry < entries && at < ipma.end; entry += 1) {
    const id = version < 1 ? view.getUint16(at) : view.getUint32(at);
    at += version < 1 ? 2 : 4;
    const count = bytes[at] ?? 0;
    at += 1;
    const indexes: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const value = wideIndexes
        ? view.getUint16(at) & 0x7fff
        : (bytes[at] ?? 0) & 0x7f;
      at += wideIndexes ? 2 : 1;
      // Index 0 means "no property".
      if (value > 0) indexes.push(value - 1);
    }
    if (id === item) return indexes;
  }

  return [];
}
