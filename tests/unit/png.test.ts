// The screenshot tests' PNG reader and comparison: what they read is what was written, PNGs made elsewhere (with every
// row filter) read right, and a comparison tells a shade of anti-aliasing from a moved element.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compareImages, decodePng, encodePng, type Image } from '../e2e/png.ts';

function image(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Image {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(paint(x, y), (y * width + x) * 4);
  return { width, height, pixels };
}

/** The gradient's PNG with row y filtered by filter y % 5 (the encoder under test writes filter 0 only). */
function filteredPng(img: Image): Uint8Array {
  const plain = encodePng(img);
  const stride = img.width * 4;
  const raw = new Uint8Array(img.height * (stride + 1));
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : img.pixels[y * stride + x]!);
  const paeth = (a: number, b: number, c: number) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < img.height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const [left, up, upLeft] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      raw[y * (stride + 1) + 1 + x] = (at(x, y) - predicted) & 0xff;
    }
  }
  // The plain file's header (signature and IHDR: 33 bytes) and end (IEND: 12 bytes) around a new IDAT.
  const idat = deflateSync(raw);
  const chunk = new Uint8Array(12 + idat.length);
  new DataView(chunk.buffer).setUint32(0, idat.length);
  chunk.set(new TextEncoder().encode('IDAT'), 4);
  chunk.set(idat, 8);
  return Buffer.concat([plain.subarray(0, 33), chunk, plain.subarray(plain.length - 12)]);
}

const gradient = image(37, 23, (x, y) => [(x * 7) & 255, (y * 11) & 255, (x * y) & 255, 255 - ((x + y) & 127)]);

describe('PNG images for screenshot tests', () => {
  it('reads back what it wrote, and rows written with each of the five filters', () => {
    expect(decodePng(encodePng(gradient))).toEqual(gradient);
    expect(decodePng(filteredPng(gradient))).toEqual(gradient);
  });

  it('reads PNGs made by other tools (the icons), every pixel in range and the corners transparent or opaque as drawn', () => {
    for (const size of [16, 32, 48, 128]) {
      const file = new Uint8Array(readFileSync(`assets/icons/icon-${size}.png`));
      const icon = decodePng(file);
      expect([icon.width, icon.height]).toEqual([size, size]);
      expect(icon.pixels.length).toBe(size * size * 4);
      // Written again and read back, the same pixels: the filters were undone exactly.
      expect(decodePng(encodePng(icon)).pixels).toEqual(icon.pixels);
      const centre = ((size / 2) * size + size / 2) * 4;
      expect(icon.pixels[centre + 3]).toBeGreaterThan(0);
    }
    expect(() => decodePng(new TextEncoder().encode('not an image'))).toThrow(/not a PNG/);
  });

  it('counts a moved element as changed, a shade of anti-aliasing not, and a new size as a change of everything', () => {
    expect(compareImages(gradient, gradient)).toMatchObject({ sizeChanged: false, changed: 0, share: 0 });
    const shaded = image(37, 23, (x, y) => {
      const [r, g, b, a] = [(x * 7) & 255, (y * 11) & 255, (x * y) & 255, 255 - ((x + y) & 127)];
      return [Math.min(255, r + 20), g, Math.max(0, b - 20), a];
    });
    expect(compareImages(gradient, shaded).changed).toBe(0);
    const white = image(40, 20, () => [255, 255, 255, 255]);
    const boxAt = (left: number) => image(40, 20, (x, y) => (x >= left && x < left + 10 && y >= 5 && y < 15 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const moved = compareImages(boxAt(5), boxAt(8));
    expect(moved.changed).toBe(2 * 3 * 10);
    expect(moved.share).toBeCloseTo(60 / 800);
    expect(moved.picture!.pixels.subarray((5 * 40 + 5) * 4, (5 * 40 + 5) * 4 + 4)).toEqual(Uint8Array.from([255, 0, 0, 255]));
    expect(compareImages(white, gradient)).toMatchObject({ sizeChanged: true, share: 1 });
  });
});
