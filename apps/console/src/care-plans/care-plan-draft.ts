import type { CarePlanLineInput, EntitlementExcessView } from '@eldercare/contracts';
import { ApiError } from '../api/api-error';
import type { MessageKey } from '../i18n/messages.zh-CN';

/** The add-line form as typed: times as one text (`08:00, 11:30`), weekdays ticked 1 (Monday) to 7 (Sunday). */
export interface CarePlanLineDraft {
  service: string;
  providerId: string;
  weekdays: number[];
  times: string;
  startsOn: string;
  endsOn: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The times typed, each `HH:MM`, in order and once; null when one of them is not a time. */
export function parseTimes(text: string): string[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter((part) => part !== '');
  const times: string[] = [];
  for (const part of parts) {
    const match = TIME.exec(part.replace('：', ':'));
    if (!match) return null;
    times.push(`${match[1].padStart(2, '0')}:${match[2]}`);
  }
  return [...new Set(times)].sort();
}

export type CarePlanLineProblems = Partial<
  Record<'service' | 'providerId' | 'weekdays' | 'times' | 'startsOn' | 'endsOn', MessageKey>
>;

/** Checks the form and builds the request; the api checks the entitlement. */
export function checkCarePlanLine(
  draft: CarePlanLineDraft,
): { ok: true; input: CarePlanLineInput } | { ok: false; problems: CarePlanLineProblems } {
  const problems: CarePlanLineProblems = {};
  if (draft.service === '') problems.service = 'elder-form.required';
  if (draft.providerId === '') problems.providerId = 'elder-form.required';
  if (draft.weekdays.length === 0) problems.weekdays = 'care-plan.weekdays-required';
  const times = parseTimes(draft.times);
  if (times === null) problems.times = 'care-plan.times-invalid';
  else if (times.length === 0) problems.times = 'elder-form.required';
  if (draft.startsOn === '') problems.startsOn = 'elder-form.required';
  if (draft.endsOn !== '' && draft.startsOn !== '' && draft.endsOn < draft.startsOn)
    problems.endsOn = 'care-plan.ends-before-start';
  if (Object.keys(problems).length > 0 || times === null) return { ok: false, problems };
  return {
    ok: true,
    input: {
      service: draft.service,
      providerId: draft.providerId,
      weekdays: [...draft.weekdays].sort((a, b) => a - b),
      times,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn === '' ? null : draft.endsOn,
    },
  };
}

/** The excesses of a `care-plan-over-entitlement` refusal, or null for any other failure. */
export function excessesOf(failure: unknown): EntitlementExcessView[] | null {
  if (!(failure instanceof ApiError) || failure.code !== 'care-plan-over-entitlement') return null;
  const excesses = (failure.details as { excesses?: unknown } | undefined)?.excesses;
  return Array.isArray(excesses) ? (excesses as EntitlementExcessView[]) : [];
}
