/**
 * The pages' security headers, decided in one place (proxy.ts sends them on every page).
 *
 * The Content-Security-Policy allows exactly what the chat UI in use needs:
 *   - builtin: nothing outside our own origin (it fetches /api/chatkit and renders sanitised
 *     markdown; no OpenAI origin at all);
 *   - chatkit, and auto (ChatKit when its script loads, else the built-in UI): the origin of
 *     NEXT_PUBLIC_CHATKIT_SCRIPT_URL for the script, the frame it renders in (served from the
 *     same CDN) and what that script may fetch, style or draw from there. A script we run
 *     could do anything in the page anyway; the other directives add no trust beyond it.
 * Scripts need this request's nonce ('self' for Next.js' own chunks): Next.js reads it from the
 * request's Content-Security-Policy header and puts it on the inline scripts it renders.
 * Styles allow 'unsafe-inline' (React style attributes, web components' shadow styles); with a
 * nonce beside it, browsers would ignore 'unsafe-inline', so styles carry none.
 */

import type { ChatUiSetting } from "@/lib/config";

export type PolicyOptions = {
  nonce: string;
  chatUi: ChatUiSetting;
  /** NEXT_PUBLIC_CHATKIT_SCRIPT_URL (lib/config.ts). */
  chatkitScriptUrl: string;
  https: boolean;
  /** next dev: React needs eval for its error overlays. */
  development?: boolean;
};

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`NEXT_PUBLIC_CHATKIT_SCRIPT_URL is not a URL: ${url}`);
  }
}

export function contentSecurityPolicy(o: PolicyOptions): string {
  const chatkit = o.chatUi === "builtin" ? [] : [origin(o.chatkitScriptUrl)];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${o.nonce}'`, ...chatkit, ...(o.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'", ...chatkit],
    "img-src": ["'self'", "data:", "blob:", ...chatkit],
    "font-src": ["'self'", ...chatkit],
    "connect-src": ["'self'", ...chatkit],
    "frame-src": chatkit.length ? chatkit : ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  // On plain http (localhost) upgrading would break every request of the page.
  if (o.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Every security header of a page response. */
export function securityHeaders(o: PolicyOptions): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(o),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore it over http; sent only where it means something.
    ...(o.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
