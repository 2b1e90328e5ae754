// Whether the page is light or dark where our badges sit, read from the page's own colours (not the system's theme: a
// white arXiv page stays white when the system is dark), and followed when the page switches its theme.

export type PageTheme = 'light' | 'dark';

/** Below this WCAG relative luminance a background is dark: the point where white text contrasts more than black. */
const DARK_BELOW = 0.179;

type Rgba = [number, number, number, number];

let probeCanvas: CanvasRenderingContext2D | null | undefined;

/** A computed CSS colour as 0–255 channels and 0–1 alpha; colour spaces beyond rgb() go through a 1-pixel canvas. */
export function parseColor(color: string): Rgba | undefined {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(color);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  }
  if (color === 'transparent') return [0, 0, 0, 0];
  probeCanvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probeCanvas) return undefined;
  probeCanvas.clearRect(0, 0, 1, 1);
  probeCanvas.fillStyle = color;
  probeCanvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probeCanvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** `top` painted over an opaque `under`. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}

/**
 * The page's theme at `at`: the background colour behind it, found by walking up past transparent ancestors (translucent
 * ones are blended in), decided by its luminance. With no background anywhere the browser's canvas shows, which is dark
 * exactly when the page's text colour there is light.
 */
export function pageThemeAt(at: Element): PageTheme {
  const layers: Rgba[] = [];
  let base: Rgba | undefined;
  for (let el: Element | null = at; el && !base; el = el.parentElement) {
    const color = parseColor(getComputedStyle(el).backgroundColor);
    if (!color || color[3] === 0) continue;
    if (color[3] >= 1) base = color;
    else layers.push(color);
  }
  if (!base) {
    const text = parseColor(getComputedStyle(at).color);
    base = text && luminance(text) > 0.5 ? [18, 18, 18, 1] : [255, 255, 255, 1];
  }
  const background = layers.reduceRight((under, layer) => over(layer, under), base);
  return luminance(background) < DARK_BELOW ? 'dark' : 'light';
}

/**
 * Tells `apply` the page's theme where `probe` says badges sit, now and whenever the page may have switched it: a class,
 * style or data attribute of <html> or <body> changed, the system's theme changed (pages that follow it), or the page's
 * stylesheets finished loading. Rechecks are coalesced to one per frame and `apply` hears only changes; until `signal`
 * aborts.
 */
export function followPageTheme(probe: () => Element | null | undefined, apply: (theme: PageTheme) => void, signal: AbortSignal): void {
  let current: PageTheme | undefined;
  let pending = false;
  const check = () => {
    pending = false;
    const at = probe();
    if (signal.aborted || !at?.isConnected) return;
    const theme = pageThemeAt(at);
    if (theme !== current) apply((current = theme));
  };
  const recheck = () => {
    if (pending || signal.aborted) return;
    pending = true;
    requestAnimationFrame(check);
  };
  check();
  const observer = new MutationObserver(recheck);
  observer.observe(document.documentElement, { attributes: true });
  const watchBody = () => {
    if (document.body && !signal.aborted) observer.observe(document.body, { attributes: true });
  };
  if (document.body) watchBody();
  else document.addEventListener('DOMContentLoaded', watchBody, { once: true, signal });
  const systemTheme = matchMedia('(prefers-color-scheme: dark)');
  systemTheme.addEventListener('change', recheck, { signal });
  if (document.readyState !== 'complete') window.addEventListener('load', recheck, { once: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
