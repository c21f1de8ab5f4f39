/**
 * Every call to the backend goes through here: same origin (the HttpOnly cookie rides along),
 * the user's time zone in `X-Timezone`, and a 401 sends the user to the login page.
 */
import { hardNavigate, loginPath } from "./navigation";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

let redirecting = false;

/** The session is gone or no longer valid: clear the stale cookie, then go to the login page. */
export function redirectToLogin(): void {
  if (redirecting) return;
  redirecting = true;
  const next = window.location.pathname + window.location.search;
  // Logging out drops the stale cookie, so proxy.ts will not wave the next page visit through.
  void fetch("/api/auth/logout", { method: "POST", credentials: "same-origin" })
    .catch(() => undefined)
    .finally(() => hardNavigate(loginPath(next, true)));
}

/** For tests: forget that a redirect already started. */
export function resetRedirectGuard(): void {
  redirecting = false;
}

type ApiFetchInit = RequestInit & { redirectOn401?: boolean };

export async function apiFetch(input: RequestInfo | URL, init: ApiFetchInit = {}): Promise<Response> {
  const { redirectOn401 = true, ...rest } = init;
  // Headers given on a Request survive (init headers would otherwise replace them all).
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(rest.headers).forEach((value, key) => headers.set(key, value));
  headers.set("X-Timezone", timeZone());
  const response = await fetch(input, { ...rest, headers, credentials: "same-origin" });
  if (response.status === 401 && redirectOn401) redirectToLogin();
  return response;
}

/** The ChatKit element's `fetch`: the same rules as every other backend call. */
export const chatkitFetch: typeof fetch = (input, init) => apiFetch(input, init);

export async function errorDetail(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "detail" in body && typeof body.detail === "string") {
      return body.detail;
    }
  } catch {
    // not JSON
  }
  if (response.status >= 500) return "The server had a problem. Please try again.";
  return `Request failed (${response.status})`;
}

/** JSON in, JSON out; a non-2xx answer becomes an ApiError with the backend's message. */
export async function apiJson<T>(
  path: string,
  init: ApiFetchInit & { json?: unknown; onHeaders?: (headers: Headers) => void } = {},
): Promise<T> {
  const { json, onHeaders, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  headers.set("Accept", "application/json");
  let response: Response;
  try {
    response = await apiFetch(path, {
      ...rest,
      headers,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "Cannot reach the server. Check your connection and try again.");
  }
  if (!response.ok) throw new ApiError(response.status, await errorDetail(response));
  onHeaders?.(response.headers);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return "Something went wrong";
}
