// A short notice at the foot of the page, for what a badge could not do itself (Firefox's sidebar needs the user's own
// click in the browser). It holds only the extension's fixed words, never the user's data.
import STYLE from './styles/notice.css?inline';

export const NOTICE_TAG = 'paperscope-notice';
const SHOWN_MS = 8000;

let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows `words` for a few seconds (one notice at a time), announced to screen readers. */
export function showNotice(words: string): void {
  document.querySelector(NOTICE_TAG)?.remove();
  const host = document.createElement(NOTICE_TAG);
  host.setAttribute('role', 'status');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const text = document.createElement('span');
  text.textContent = words;
  root.append(style, text);
  document.documentElement.append(host);
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => host.remove(), SHOWN_MS);
}
