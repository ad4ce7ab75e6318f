import { translate, type Locale } from './translate';

const two = (value: number) => String(value).padStart(2, '0');

/** A span in words, as coarse as a glance needs: 45秒, 3分12秒, 2小时5分, 1天3小时. */
export function formatDuration(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return translate(locale, 'duration.seconds', { s });
  if (s < 3600) return translate(locale, 'duration.minutes', { m: Math.floor(s / 60), s: s % 60 });
  if (s < 86400)
    return translate(locale, 'duration.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return translate(locale, 'duration.days', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
}

/** A running clock: 0:07, 12:40, 1:02:03. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = `${two(s % 60)}`;
  return hours > 0 ? `${hours}:${two(minutes)}:${rest}` : `${minutes}:${rest}`;
}

/** Date and time to the second in the browser's zone, the same in both languages: 2025-03-08 14:03:05. */
export function formatDateTime(at: string): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${formatTimeOfDay(at)}`;
}

/** Time of day to the second: 14:03:05. */
export function formatTimeOfDay(at: string): string {
  const date = new Date(at);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Whole seconds from `from` to `to` (epoch ms), never negative: a device clock ahead of ours reads as zero. */
export function secondsSince(from: string, to: number): number {
  return Math.max(0, Math.floor((to - Date.parse(from)) / 1000));
}
