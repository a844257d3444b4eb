"""Adds an irot (rotation) property to the primary image of a HEIF file.

heif-enc 1.15 keeps the EXIF orientation of a JPEG but writes no irot box,
and HEIF readers ignore EXIF orientation. This script writes the rotation
the way a phone does. Usage: python3 add-irot.py in.heic out.heic ANGLE,
where ANGLE counts quarter turns anticlockwise (3 shows a photo stored
landscape with EXIF orientation 6 as a portrait).
"""
import struct
import sys

source, target, angle = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = bytearray(open(source, 'rb').read())


def boxes(start, end):
    at = start
    while at < end:
        size, kind = struct.unpack('>I4s', data[at:at + 8])
        yield at, size, kind.decode('latin-1')
        at += size


def find(kind, start, end):
    return next(box for box in boxes(start, end) if box[2] == kind)


meta = find('meta', 0, len(data))
meta_body = meta[0] + 12  # size, type, version and flags
iprp = find('iprp', meta_body, meta[0] + meta[1])
ipco = find('ipco', iprp[0] + 8, iprp[0] + iprp[1])
ipma = find('ipma', iprp[0] + 8, iprp[0] + iprp[1])
pitm = find('pitm', meta_body, meta[0] + meta[1])
primary = struct.unpack('>H', data[pitm[0] + 12:pitm[0] + 14])[0]
properties = len(list(boxes(ipco[0] + 8, ipco[0] + ipco[1])))

# ipma version 0 with flags 0: 16-bit item ids, 1-byte associations.
assert data[ipma[0] + 8] == 0 and data[ipma[0] + 11] & 1 == 0
at = ipma[0] + 16
for _ in range(struct.unpack('>I', data[ipma[0] + 12:ipma[0] + 16])[0]):
    item, count = struct.unpack('>HB', data[at:at + 3])
    if item == primary:
        association_at = at + 3 + count
        data[at + 2] = count + 1
        break
    at += 3 + count
data[association_at:association_at] = bytes([0x80 | (properties + 1)])

irot = struct.pack('>I4sB', 9, b'irot', angle & 3)
ipco_end = ipco[0] + ipco[1]
data[ipco_end:ipco_end] = irot
grown = len(irot) + 1

resized = [(meta[0], grown), (iprp[0], grown), (ipco[0], len(irot)),
           (ipma[0] + len(irot), 1)]
for box_start, step in resized:
    size = struct.unpack('>I', data[box_start:box_start + 4])[0]
    data[box_start:box_start + 4] = struct.pack('>I', size + step)

# Every extent that points past the meta box moves by the bytes added.
meta = find('meta', 0, len(data))
iloc = find('iloc', meta[0] + 12, meta[0] + meta[1])
version = data[iloc[0] + 8]
sizes = data[iloc[0] + 12]
offset_size, length_size = sizes >> 4, sizes & 15
base_size = data[iloc[0] + 13] >> 4
index_size = data[iloc[0] + 13] & 15 if version in (1, 2) else 0
at = iloc[0] + 14
count = struct.unpack('>H' if version < 2 else '>I',
                      data[at:at + (2 if version < 2 else 4)])[0]
at += 2 if version < 2 else 4


def read(width, position):
    return int.from_bytes(data[position:position + width], 'big')


for _ in range(count):
    at += 2 if version < 2 else 4
    method = read(2, at) & 15 if version in (1, 2) else 0
    at += 2 if version in (1, 2) else 0
    at += 2  # data reference index
    base = read(base_size, at)
    if method == 0 and base_size and base >= meta[0] + meta[1] - grown:
        data[at:at + base_size] = (base + grown).to_bytes(base_size, 'big')
    at += base_size
    extents = read(2, at)
    at += 2
    for _ in range(extents):
        at += index_size
        offset = read(offset_size, at)
        if method == 0 and offset_size and base == 0:
            data[at:at + offset_size] = (offset + grown).to_bytes(
                offset_size, 'big')
        at += offset_size + length_size

open(target, 'wb').write(data)
