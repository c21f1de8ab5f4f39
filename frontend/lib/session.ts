/**
 * The backend's HttpOnly session cookie (AUTH_COOKIE_NAME on the backend). The frontend server
 * only checks that it is present, to send page visits without one to the login page; whether it
 * is valid is for the backend to say (a 401 then leads to the login page as well).
 */
export const SESSION_COOKIE = process.env.AUTH_COOKIE_NAME || "todo_session";

/** Pages that need a session. */
export const PROTECTED_PATHS = ["/dashboard", "/chat", "/settings"];

export function isProtected(pathname: string): boolean {
  return PROTECTED_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
