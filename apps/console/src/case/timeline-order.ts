import type { TimelineEntry } from '@eldercare/contracts';

/** The timeline oldest first; entries at the same instant keep the server's order (a press, then its receipt). */
export function inTimeOrder(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
}
