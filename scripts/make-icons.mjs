// Draws the Paperscope icon (a lens over a page on a blue tile) into assets/icons/icon-<size>.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a unit square; later shapes paint over earlier ones.
const BLUE = [29, 78, 216];
const WHITE = [255, 255, 255];
const PAGE = [226, 232, 240];
function colourAt(x, y) {
  const r = 0.2; // tile corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  let c = BLUE;
  if (x > 0.2 && x < 0.62 && y > 0.16 && y < 0.7) c = PAGE; // the page
  if (c === PAGE && x > 0.27 && x < 0.55 && [0.27, 0.37, 0.47].some((ly) => Math.abs(y - ly) < 0.025)) c = BLUE; // text lines
  const d = Math.hypot(x - 0.56, y - 0.56);
  if (d < 0.2 && d > 0.13) c = WHITE; // lens ring
  const along = (x - 0.56 + y - 0.56) / Math.SQRT2;
  const across = Math.abs(x - y) / Math.SQRT2;
  if (along > 0.19 && along < 0.38 && across < 0.055) c = WHITE; // handle
  return c;
}

mkdirSync('assets/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (ss * ss))], o);
    }
  }
  writeFileSync(`assets/icons/icon-${size}.png`, png(size, rgba));
}
console.log('wrote assets/icons/icon-{16,32,48,128}.png');
