import type { DeviceInput } from '@eldercare/contracts';
import { DEVICE_ID_PATTERN, type DeviceType } from '@eldercare/protocol';
import type { MessageKey } from '../i18n/messages.zh-CN';

/** The register form as typed. */
export interface DeviceDraft {
  id: string;
  type: DeviceType | '';
  elderId: string;
}

export const EMPTY_DEVICE_DRAFT: DeviceDraft = { id: '', type: '', elderId: '' };

export type DeviceProblems = Partial<Record<keyof DeviceDraft, MessageKey>>;

/** The id as printed on the device (3 to 64 of A-Z a-z 0-9 _ -, the protocol's rule), its type, and whose it is. */
export function checkDeviceDraft(
  draft: DeviceDraft,
): { ok: true; input: DeviceInput } | { ok: false; problems: DeviceProblems } {
  const problems: DeviceProblems = {};
  const id = draft.id.trim();
  if (id === '') problems.id = 'elder-form.required';
  else if (!DEVICE_ID_PATTERN.test(id)) problems.id = 'device-form.bad-id';
  if (draft.type === '') problems.type = 'elder-form.required';
  if (draft.elderId === '') problems.elderId = 'device-form.elder-required';
  if (Object.keys(problems).length > 0 || draft.type === '') return { ok: false, problems };
  return { ok: true, input: { id, type: draft.type, elderId: draft.elderId } };
}
