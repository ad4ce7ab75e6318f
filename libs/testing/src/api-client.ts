/** An answer of the api: its status and parsed JSON body (undefined when empty). */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client of the api that keeps the session cookie it is given, as a console would, and names the
 * api's own origin on every request, as a page the api serves does.
 */
export class ApiClient {
  private cookie?: string;

  constructor(readonly baseUrl: string) {}

  /** Signs in; the client keeps the session cookie for its next requests. */
  static async signedIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const answer = await client.post('/api/auth/login', { username, password });
    if (answer.status !== 200)
      throw new Error(`sign-in of ${username} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return client;
  }

  /** The Cookie header this client sends, for a socket.io client of the same session. */
  get cookieHeader(): string {
    return this.cookie ?? '';
  }

  get<T = unknown>(path: string): Promise<ApiAnswer<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return this.request<T>('POST', path, body);
  }

  put<T = unknown>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return this.request<T>('PUT', path, body);
  }

  /**
   * Sends `body` as JSON, or `rawBody` as it is (as JSON unless `headers` name another type); `headers` are added to
   * (or replace) what the client sends on its own, a `null` one left out.
   */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string | Uint8Array,
    headers: Record<string, string | null> = {},
  ): Promise<ApiAnswer<T>> {
    const sent: Record<string, string> = { origin: new URL(this.baseUrl).origin };
    if (this.cookie) sent.cookie = this.cookie;
    if (body !== undefined || rawBody !== undefined) sent['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: Object.fromEntries(
        Object.entries({ ...sent, ...headers }).filter((header): header is [string, string] => header[1] !== null),
      ),
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json');
    return {
      status: response.status,
      body: (json && text ? JSON.parse(text) : text || undefined) as T,
      headers: response.headers,
    };
  }
}
