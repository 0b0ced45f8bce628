import type { ErrorBody } from '@parley/contracts';

export type ApiProblem = { path: string; message: string; position?: number };

/** Everything a failed request tells us, so pages can show a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The session is gone or never existed: the caller should send the person to sign in. */
export const isUnauthenticated = (error: unknown): boolean => isApiError(error) && error.status === 401;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = Record<string, string | number | null | undefined>;
type RequestOptions = { method?: Method; params?: Params; body?: unknown; signal?: AbortSignal };

// The token comes from GET /api/auth/me; it lives here so every write picks it up without threading it through props.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

// Login is the one cookie-less write: there is no session (and so no token) yet.
const needsCsrf = (method: Method, path: string) => method !== 'GET' && path !== '/api/auth/login';

export const buildUrl = (path: string, params: Params = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
};

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).code === 'string' &&
  typeof (value as ErrorBody).message === 'string';

const readJson = async (response: Response): Promise<unknown> => {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};

const fallbackMessage = (status: number): string => {
  if (status === 401) return 'Sign in to continue';
  if (status === 403) return 'You do not have permission to see this';
  if (status === 404) return 'Page not found';
  if (status === 429) return 'Too many attempts. Wait a minute, then try again';
  if (status >= 500) return 'Sorry, there is a problem with the service. Try again later';
  return 'Something went wrong. Try again';
};

const toApiError = (status: number, body: unknown): ApiError =>
  isErrorBody(body)
    ? new ApiError(status, body.code, body.message, body.problems ?? [])
    : new ApiError(status, status >= 500 ? 'unavailable' : 'error', fallbackMessage(status));

export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (needsCsrf(method, path) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Parley cannot be reached. Check your connection, then try again');
  }

  const body = await readJson(response);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
};

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => request<T>(path, options),
  post: <T>(path: string, body?: unknown, options: Pick<RequestOptions, 'signal'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
};
