import type { Page, Problem } from '@plenum/shared';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the RFC 9457 problem the server answered with. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The CSRF token of the session lives in memory only: it comes from /auth/me or the login answer.
let csrfToken: string | null = null;
let language = 'en';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when a request answers 401 (the session ended): the app goes back to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The version that was read; sent as If-Match so a stale write answers 412. */
  version?: number;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Plenum-Language': language,
  };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (opts.version !== undefined) {
    headers['If-Match'] = `"${opts.version}"`;
  }
  let response: Response;
  try {
    response = await fetch(API_BASE + withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network',
      detail: error instanceof Error ? error.message : undefined,
    });
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem: Problem =
      typeof data === 'object' && data !== null && 'code' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: response.statusText,
            status: response.status,
            code: response.status >= 500 ? 'internal' : 'bad_request',
          };
    if (response.status === 401 && path !== '/auth/me' && path !== '/auth/login') {
      onUnauthenticated?.();
    }
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, version?: number) =>
    request<T>('POST', path, { body: body ?? {}, version }),
  put: <T>(path: string, body: unknown, version?: number) =>
    request<T>('PUT', path, { body, version }),
  patch: <T>(path: string, body: unknown, version?: number) =>
    request<T>('PATCH', path, { body, version }),
  delete: (path: string, version?: number, body?: unknown) =>
    request<void>('DELETE', path, { version, body }),
};

/** Reads every page of a list (for small lists such as bodies and member states). */
export async function getAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
