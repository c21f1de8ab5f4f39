/**
 * A purpose-built upstream for the streaming test: POST /api/chatkit answers a Server-Sent
 * Events stream whose LAST event is only sent once the browser has acknowledged the FIRST one
 * (GET /api/slow/ack?id=…, which the page sends through the same Next.js proxy). If anything
 * between here and the browser buffers the stream, the acknowledgement cannot come, and the
 * last event says so (`acked: false`, after ACK_TIMEOUT_MS). No clocks are compared.
 *
 * On purpose it sends a bare `Content-Type: text/event-stream` (no Cache-Control: no-transform,
 * no X-Accel-Buffering): the proxy must keep the stream flowing by itself.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export const ACK_TIMEOUT_MS = 10_000;

type Run = { firstSentAt?: number; ackAt?: number; lastSentAt?: number; acked?: boolean };

export async function startSlowSseServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const runs = new Map<string, Run>();
  const waiters = new Map<string, () => void>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const id = url.searchParams.get("id") ?? "default";

    if (req.method === "POST" && url.pathname === "/api/chatkit") {
      const run: Run = {};
      runs.set(id, run);
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      const send = (data: object) => res.write(`data: ${JSON.stringify(data)}\n\n`);
      send({ n: 1, type: "first" });
      run.firstSentAt = Date.now();
      const acked = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ACK_TIMEOUT_MS);
        waiters.set(id, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      void acked.then(async (ok) => {
        run.acked = ok;
        for (let n = 2; n <= 4; n++) {
          send({ n, type: "middle" });
          await new Promise((r) => setTimeout(r, 100));
        }
        send({ n: 5, type: "last", acked: ok });
        run.lastSentAt = Date.now();
        res.end();
      });
      return;
    }
    if (url.pathname === "/api/slow/ack") {
      const run = runs.get(id);
      if (run) run.ackAt = Date.now();
      waiters.get(id)?.();
      waiters.delete(id);
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === "/api/slow/log") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(runs.get(id) ?? null));
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" }).end('{"detail":"Not found"}');
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
