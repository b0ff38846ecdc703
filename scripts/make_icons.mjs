// Draws the app icons as PNGs at build time, so no binary image is kept in the repository.
// The drawing matches web/icon.svg: a blue square with a white speech bubble holding three dots.
// Usage: node scripts/make_icons.mjs <output dir>. Also importable: writeIcons(dir).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x18, 0x5a, 0xc0];
const WHITE = [0xff, 0xff, 0xff];

// Geometry on a 512-unit square (the same numbers as web/icon.svg). Everything drawn stays
// inside the central circle of radius 0.4 × 512, the part of a maskable icon never cropped.
const BUBBLE = { left: 120, top: 136, right: 392, bottom: 336, radius: 48 };
const TAIL = [[168, 320], [236, 320], [150, 396]];
const DOTS = [196, 256, 316].map((x) => ({ x, y: 236, radius: 22 }));

// "any" icons get rounded corners; maskable and Apple icons are full-bleed because the
// platform cuts its own shape and would show a transparent corner as black.
export const ICONS = [
  { file: 'icon-192.png', size: 192, cornerRadius: 96 },
  { file: 'icon-512.png', size: 512, cornerRadius: 96 },
  { file: 'icon-maskable-512.png', size: 512, cornerRadius: 0 },
  { file: 'apple-touch-icon.png', size: 180, cornerRadius: 0 },
];

function insideRoundedRect(x, y, { left, top, right, bottom, radius }) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTriangle(x, y, [a, b, c]) {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const ab = side(a, b), bc = side(b, c), ca = side(c, a);
  return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
}

// Colour and coverage of one point in 512-unit space: null outside the icon.
function shade(x, y, cornerRadius) {
  if (!insideRoundedRect(x, y, { left: 0, top: 0, right: 512, bottom: 512, radius: cornerRadius })) return null;
  const inBubble = insideRoundedRect(x, y, BUBBLE) || insideTriangle(x, y, TAIL);
  const inDot = DOTS.some((dot) => (x - dot.x) ** 2 + (y - dot.y) ** 2 <= dot.radius ** 2);
  return inBubble && !inDot ? WHITE : BLUE;
}

// 4×4 samples per pixel give smooth edges without a vector renderer.
const SAMPLES = 4;

export function renderIcon(size, cornerRadius) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = shade((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale, cornerRadius);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered) {
        // Colour is averaged over covered samples only (straight alpha), so edges do not darken.
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Filter byte 0 (none) leads each row; deflate does the compressing.
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(dir) {
  mkdirSync(dir, { recursive: true });
  return ICONS.map(({ file, size, cornerRadius }) => {
    const png = encodePng(size, renderIcon(size, cornerRadius));
    writeFileSync(join(dir, file), png);
    return { file, bytes: png.length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make_icons.mjs <output dir>');
    process.exit(2);
  }
  for (const { file, bytes } of writeIcons(dir)) console.log(`${file}: ${bytes} bytes`);
}
