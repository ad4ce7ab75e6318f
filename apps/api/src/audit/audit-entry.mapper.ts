import type { AuditEntryView } from '@eldercare/contracts';
import type { AuditEntry } from '@eldercare/persistence';

/** An entry of the audit log as the console shows it: people and elders by name, never a bare id. */
export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    user: { id: entry.userId, displayName: entry.userName },
    action: entry.action,
    elder: entry.elderId === null ? null : { id: entry.elderId, name: entry.elderName ?? '' },
    subject: entry.subject,
    detail: entry.detail ?? {},
  };
}
