/** A refusal from the api (`{ error: { code, message } }`) or a failure to reach it (`code` `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What a refusal carries beyond its message (the excesses of a care plan over the entitlement). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error an answer with `status` and `body` stands for; a body not in the api's shape still gives a code. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof code === 'string')
      return new ApiError(status, code, typeof message === 'string' ? message : code, details);
  }
  return new ApiError(status, `http-${status}`, `HTTP ${status}`);
}

/** What fetch throws when the server cannot be reached. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
}
