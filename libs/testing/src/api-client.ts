/** A small HTTP client for tests that behaves like the browser: a cookie jar and the CSRF header on writes. */
export class TestApiClient {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly bearer: string | null = null,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await this.send(method, path, body, headers);
    const text = await response.text();
    // JSON answers are parsed; anything else (an event stream, a CSV, a ZIP) is given as the text it is.
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      body: text ? (json ? (JSON.parse(text) as unknown) : text) : null,
      headers: response.headers,
    };
  }

  /** A GET whose answer is a file: its bytes as they came. */
  async download(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await this.send('GET', path, undefined, {});
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      headers: response.headers,
    };
  }

  private async send(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('parley_session=')) this.cookie = setCookie.split(';')[0];
    return response;
  }

  get<T = unknown>(path: string) {
    return this.request('GET', path) as Promise<{ status: number; body: T; headers: Headers }>;
  }

  async login(email: string, password: string): Promise<number> {
    const { status } = await this.request('POST', '/api/auth/login', { email, password });
    if (status === 200) this.csrf = (await this.get<{ csrfToken: string }>('/api/auth/me')).body.csrfToken;
    return status;
  }

  withoutCsrf(): TestApiClient {
    const copy = new TestApiClient(this.baseUrl, this.bearer);
    copy.cookie = this.cookie;
    return copy;
  }
}

/** Polls until `probe` returns a value (not undefined/false) or the deadline passes. */
export const eventually = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 200,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
};

/**
 * The request's outcome, or 'still waiting' once `ms` pass: for asserting that a request settles (fails fast)
 * during an outage, a bound on the outcome rather than a measurement.
 */
export const settledWithin = <T>(request: Promise<T>, ms: number): Promise<T | 'still waiting'> =>
  Promise.race([request, new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms))]);
