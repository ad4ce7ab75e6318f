import { isOperatorOutcome } from '@eldercare/domain';
import type { ResolveRequest } from '../api/alerts-api';

export type ResolveCheck =
  { ok: true; request: ResolveRequest } | { ok: false; problem: 'outcome-missing' | 'reason-required' };

/**
 * The resolve form's choice as a request, or what is missing. `other` is the one outcome that says nothing by
 * itself, so it needs a reason (the domain refuses it without one too).
 */
export function checkResolve(outcome: string, reason: string): ResolveCheck {
  if (!isOperatorOutcome(outcome)) return { ok: false, problem: 'outcome-missing' };
  const text = reason.trim();
  if (outcome === 'other' && text === '') return { ok: false, problem: 'reason-required' };
  return { ok: true, request: text === '' ? { outcome } : { outcome, reason: text } };
}
