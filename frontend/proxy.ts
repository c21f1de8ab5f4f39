import { NextResponse, type NextRequest } from "next/server";

import { CHAT_UI, CHATKIT_SCRIPT_URL } from "@/lib/config";
import { newNonce, securityHeaders } from "@/lib/securityHeaders";
import { isProtected, SESSION_COOKIE } from "@/lib/session";

/**
 * Every page visit: its security headers, with a fresh script nonce (Next.js reads it from the
 * request's Content-Security-Policy and puts it on the scripts it renders; pages are rendered
 * per request for that, app/layout.tsx). Visits to a protected page without a session cookie go
 * to /login?next=<where they wanted to go>.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    chatUi: CHAT_UI,
    chatkitScriptUrl: CHATKIT_SCRIPT_URL,
    https: isHttps(request),
    development: process.env.NODE_ENV === "development",
  });
  const { pathname, search } = request.nextUrl;
  let response: NextResponse;
  if (isProtected(pathname) && !request.cookies.get(SESSION_COOKIE)?.value) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = "";
    login.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** https as the browser sees it: this server's own TLS, or a TLS proxy in front that says so. */
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export const config = {
  // Pages only: not /api (JSON from the backend), not Next's static files (immutable, no HTML).
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg).*)"],
};
