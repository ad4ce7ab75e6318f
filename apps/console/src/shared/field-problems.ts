import { ApiError } from '../api/api-error';

export interface FieldProblem {
  /** The field's path in the request body: `idNumber`, `home.lat`, `contacts.1.phone`. */
  path: string;
  message: string;
}

/**
 * The fields an `invalid-request` refusal names. The api's validation says `path: what was wrong` for each field,
 * joined by `; `; anything else (another code, a sentence without a path) names none.
 */
export function fieldProblems(failure: unknown): FieldProblem[] {
  if (!(failure instanceof ApiError) || failure.code !== 'invalid-request') return [];
  return failure.message.split('; ').flatMap((part) => {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part.trim());
    return match ? [{ path: match[1], message: match[2] }] : [];
  });
}
