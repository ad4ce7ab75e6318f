import { networkError, toApiError } from './api-error';

export interface RequestOptions {
  /** For the login form: a 401 there is an answer to show, not a lost session. */
  unauthorizedIsAnswer?: boolean;
  /** Statuses other than 2xx whose body is the answer, not a refusal: an import's 422 report of problems. */
  answerStatuses?: readonly number[];
}

/** A request body ready to send, with its media type. */
interface Payload {
  content: string | Blob;
  type: string;
}

const json = (body: unknown): Payload | undefined =>
  body === undefined ? undefined : { content: JSON.stringify(body), type: 'application/json' };

/**
 * JSON over the session cookie. Any 401 means the session is gone, wherever it happens: listeners hear of it
 * (the shell returns to the login page) and the caller gets the error too.
 */
export class HttpClient {
  private readonly unauthorizedListeners = new Set<() => void>();

  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, {});
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('POST', path, json(body), options);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, json(body), {});
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path, undefined, {});
  }

  /** Posts text, or a file's bytes as they are, `type` naming it (`text/csv`). */
  postText<T>(path: string, content: string | Blob, type: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('POST', path, { content, type }, options);
  }

  private async send<T>(method: string, path: string, body: Payload | undefined, options: RequestOptions): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { Accept: 'application/json' }
            : { Accept: 'application/json', 'Content-Type': body.type },
        body: body?.content,
      });
    } catch (cause) {
      throw networkError(cause);
    }
    const payload = await readBody(response);
    if (response.ok || options.answerStatuses?.includes(response.status)) return payload as T;
    const error = toApiError(response.status, payload);
    if (response.status === 401 && !options.unauthorizedIsAnswer)
      this.unauthorizedListeners.forEach((listener) => listener());
    throw error;
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
