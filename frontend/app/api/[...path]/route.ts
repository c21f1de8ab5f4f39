/**
 * /api/* on this origin → the FastAPI backend at BACKEND_URL (read at run time).
 *
 * A route handler rather than a rewrite: it hands the upstream body to the browser as it
 * arrives, so Server-Sent Events from /api/chatkit pass event by event, and it marks them
 * `no-transform` so Next's gzip never holds them back. Cookies, Origin and every other
 * end-to-end header pass both ways; the browser never talks to the backend directly.
 *
 * The client's address goes on in X-Forwarded-For (the backend counts login attempts per
 * address and trusts this server's forwarding, FORWARDED_ALLOW_IPS): the connection's own
 * address, put there by client-address.mjs in place of whatever the client sent. Without that
 * preload no address is forwarded (the backend then counts this server's, for everyone),
 * because a header the client wrote must never be passed on as its address.
 */
import type { NextRequest } from "next/server";

export const dynamic = "force-dynamic";

const DEFAULT_BACKEND = "http://localhost:8000";

// Who the client is: only ever what client-address.mjs wrote, never what the client sent.
const FORWARDING = ["x-forwarded-for", "x-real-ip", "forwarded"];
const PRELOADED = Symbol.for("todo-assistant.client-address");
let warned = false;

function clientAddressIsTrustworthy(): boolean {
  const preloaded = (globalThis as Record<symbol, unknown>)[PRELOADED] === true;
  if (!preloaded && !warned) {
    warned = true;
    console.error("[api proxy] client-address.mjs is not preloaded: no client address is forwarded");
  }
  return preloaded;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) and the ones fetch computes itself.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

function backendUrl(): string {
  return (process.env.BACKEND_URL || DEFAULT_BACKEND).replace(/\/+$/, "");
}

function requestHeaders(request: NextRequest): Headers {
  const headers = new Headers();
  request.headers.forEach((value, key) => {
    // content-length is kept: the body streams through unchanged, and the backend checks it.
    if ((!HOP_BY_HOP.has(key) || key === "content-length") && key !== "accept-encoding") {
      headers.set(key, value);
    }
  });
  // Ask for the bytes as they are: nothing to decode and re-encode on the way through.
  headers.set("accept-encoding", "identity");
  const address = request.headers.get("x-forwarded-for");
  for (const name of FORWARDING) headers.delete(name);
  if (address && clientAddressIsTrustworthy()) headers.set("x-forwarded-for", address);
  const url = request.nextUrl;
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", url.host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", url.protocol.replace(":", ""));
  return headers;
}

function responseHeaders(upstream: Response): Headers {
  const headers = new Headers();
  upstream.headers.forEach((value, key) => {
    // fetch has already decoded any content-encoding; set-cookie is copied one by one below.
    if (!HOP_BY_HOP.has(key) && key !== "content-encoding" && key !== "set-cookie") {
      headers.set(key, value);
    }
  });
  for (const cookie of upstream.headers.getSetCookie()) headers.append("set-cookie", cookie);
  if (headers.get("content-type")?.startsWith("text/event-stream")) {
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  }
  return headers;
}

async function forward(request: NextRequest): Promise<Response> {
  const target = `${backendUrl()}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: requestHeaders(request),
      body: hasBody ? request.body : undefined,
      // Stream the request body through instead of buffering it here.
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      cache: "no-store",
      // The browser went away: stop the backend's work too (it saves a partial reply).
      signal: request.signal,
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`[api proxy] ${request.method} ${request.nextUrl.pathname}: backend unreachable`, error);
    return Response.json(
      { detail: "The server cannot be reached right now. Please try again in a moment." },
      { status: 502 },
    );
  }
  const noBody = request.method === "HEAD" || [101, 204, 205, 304].includes(upstream.status);
  return new Response(noBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders(upstream),
  });
}

export {
  forward as GET,
  forward as HEAD,
  forward as POST,
  forward as PUT,
  forward as PATCH,
  forward as DELETE,
  forward as OPTIONS,
};
