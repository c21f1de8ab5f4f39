/** Full-page navigation, kept in one place so tests can replace it. */
export function hardNavigate(url: string): void {
  window.location.assign(url);
}

/** A `next` target is only followed when it is a path on this site (no open redirect). */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return fallback;
  }
  if (next.startsWith("/login") || next.startsWith("/signup")) return fallback;
  return next;
}

export function loginPath(next?: string, expired = false): string {
  const params = new URLSearchParams();
  if (next && next !== "/") params.set("next", next);
  if (expired) params.set("expired", "1");
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}
