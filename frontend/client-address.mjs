/**
 * Preloaded into the Next.js server (`node --import ./client-address.mjs`; package.json's
 * start script, the Makefile, the Dockerfile and the browser tests all do):
 * before Next.js sees a request, the forwarding headers a client sent are replaced by the
 * address of the connection it came on.
 *
 * Why here: the /api route handler (app/api/[...path]/route.ts) passes X-Forwarded-For to the
 * backend, which counts logins per address; Next.js keeps a client's own X-Forwarded-For
 * (it only fills it in when missing), and a route handler cannot see the socket. Without this,
 * any client could choose the address its attempts are counted under.
 *
 * Behind another proxy of your own (TLS termination), that proxy's address is what the
 * backend then sees for every user: put the frontend directly behind the internet-facing one,
 * or extend this to trust it.
 */
import http from "node:http";

const FORWARDING = new Set(["x-forwarded-for", "x-real-ip", "forwarded"]);

function replaceForwarding(req) {
  for (const name of FORWARDING) delete req.headers[name];
  const address = req.socket && req.socket.remoteAddress;
  // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d.
  if (address) req.headers["x-forwarded-for"] = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!FORWARDING.has(req.rawHeaders[i].toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  if (address) raw.push("X-Forwarded-For", req.headers["x-forwarded-for"]);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithClientAddress(event, req, ...rest) {
  if (event === "request") replaceForwarding(req);
  return emit.call(this, event, req, ...rest);
};

// The route handler checks for this: without the preload it forwards no address at all.
globalThis[Symbol.for("todo-assistant.client-address")] = true;
