// How the UI writes dates: short, local, and readable.
import { t } from '../../shared/i18n.ts';

export function formatDate(timestamp: number): string {
  if (!Number.isFinite(timestamp) || timestamp <= 0) return t('commonDateUnknown');
  return new Date(timestamp).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * A date as precise as it is given: "2025-12-04" → "Dec 4, 2025", "2025-12" → "Dec 2025", "2025" → "2025" (in the
 * browser's language). The day is read in UTC, so no time zone moves it to the day before.
 */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (month === undefined) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  return at.toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', ...(day === undefined ? {} : { day: 'numeric' }) });
}

export function isoDate(timestamp: number): string | undefined {
  if (!Number.isFinite(timestamp) || timestamp <= 0) return undefined;
  return new Date(timestamp).toISOString();
}

/** "seen on arXiv, 3 days ago": where and when the reader last saw a paper, in the browser's language. */
export function seenAgo(siteName: string, at: number, now = Date.now()): string {
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const elapsed = Math.max(0, now - at);
  const [unit, size] = units.find(([, ms]) => elapsed >= ms) ?? ['minute', 60_000];
  const when = new Intl.RelativeTimeFormat(t('commonLanguage'), { numeric: 'auto' }).format(-Math.floor(elapsed / size), unit);
  return t('commonSeenOnAgo', [siteName, when]);
}
