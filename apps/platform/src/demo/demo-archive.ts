import { monthBefore, type ReportArchiveService } from '@eldercare/api';

/**
 * The report archive of a new demo: last month's city report, as the scheduler would have made it on the first, so
 * the bureau finds one to download before the next first of the month comes.
 */
export async function ensureDemoArchive(archive: ReportArchiveService, now = Date.now()): Promise<void> {
  if ((await archive.list({ kind: 'city' })).length > 0) return;
  await archive.archiveMonth(monthBefore(now), now);
}
