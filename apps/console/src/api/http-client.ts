import { networkError, toApiError } from './api-error';

export interface RequestOptions {
  /** For the login form: a 401 there is an answer to show, not a lost session. */
  unauthorizedIsAnswer?: boolean;
}

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
    return this.send<T>('POST', path, body, options);
  }

  private async send<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw networkError(cause);
    }
    const payload = await readBody(response);
    if (response.ok) return payload as T;
    const error = toApiError(response.status, payload);
    if (response.status === 401 && !options.unauthorizedIsAnswer) this.unauthorizedListeners.forEach((listener) => listener());
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
