/**
 * Starts, on free ports, everything the browser tests talk to:
 *   - the real backend (uvicorn) on SQLite in a temp DATA_DIR, migrated first, offline model;
 *   - the production build of the frontend (`next start`), forwarding /api/* to it;
 *   - for the streaming test: a slow SSE upstream and a second `next start` forwarding to it;
 *   - for Stop and Retry in the built-in chat: a second real backend (tests/fault_server.py: the
 *     offline model, except that "[hang]" stops a reply halfway and "[fail-once]" fails the first
 *     answer as if the provider were down) and a third `next start` forwarding to it.
 * Their URLs reach the tests through process.env. The returned function stops them all.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { startSlowSseServer } from "./slow-sse-server";

const FRONTEND = path.resolve(import.meta.dirname, "..");
const REPO = path.resolve(FRONTEND, "..");
const UV = process.env.UV || "uv";
const LOGIN_LIMIT_PER_IP = 30;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-3000) : "";
  throw new Error(`${url} did not come up (exit code ${child.exitCode}). Log ${log}:\n${tail}`);
}

function start(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }) {
  const out = fs.openSync(opts.log, "a");
  // Its own process group, so teardown stops it together with its children (uv → python).
  return spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", out, out], detached: true });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      resolve();
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

export default async function globalSetup() {
  if (!fs.existsSync(path.join(FRONTEND, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` in frontend/ first (make test-frontend does).");
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "todo-e2e-"));
  const children: ChildProcess[] = [];
  const [backendPort, webPort, slowWebPort] = [await freePort(), await freePort(), await freePort()];
  const [faultBackendPort, faultWebPort] = [await freePort(), await freePort()];
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const slowWebOrigin = `http://127.0.0.1:${slowWebPort}`;
  const faultWebOrigin = `http://127.0.0.1:${faultWebPort}`;
  // e2e/perf.spec.ts compares the dashboard with another build (e.g. main's) on the same backend.
  const baselineDir = process.env.PERF_BASELINE_FRONTEND;
  const baselinePort = baselineDir ? await freePort() : 0;
  const baselineOrigin = `http://127.0.0.1:${baselinePort}`;

  const backendEnv: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: "test",
    DATA_DIR: tmp,
    DATABASE_URL: `sqlite+aiosqlite:///${tmp}/app.db`,
    ALLOWED_ORIGINS: `${webOrigin},http://localhost:${webPort},${slowWebOrigin},${faultWebOrigin}${baselineDir ? `,${baselineOrigin}` : ""}`,
    ASSISTANT_MODEL: "offline",
    OPENAI_API_KEY: "",
    PASSWORD_HASH_TIME_COST: "1",
    PASSWORD_HASH_MEMORY_KIB: "8192",
    CHAT_RATE_LIMIT: "1000/minute",
    LOGIN_RATE_LIMIT_PER_ACCOUNT: "1000/minute",
    // Tight enough for e2e/security.spec.ts to reach (it sends from its own address).
    LOGIN_RATE_LIMIT_PER_IP: `${LOGIN_LIMIT_PER_IP}/minute`,
    SIGNUP_RATE_LIMIT_PER_IP: "1000/minute",
    REDIS_URL: "",
    LOG_LEVEL: "WARNING",
  };
  const backendLog = path.join(tmp, "backend.log");
  execFileSync(UV, ["run", "alembic", "upgrade", "head"], { cwd: REPO, env: backendEnv, stdio: "pipe" });
  const uvicorn = ["run", "uvicorn", "backend.main:app", "--no-proxy-headers"];
  const backend = start(UV, [...uvicorn, "--host", "127.0.0.1", "--port", String(backendPort)], {
    cwd: REPO,
    env: backendEnv,
    log: backendLog,
  });
  children.push(backend);

  const faultDir = path.join(tmp, "fault");
  fs.mkdirSync(faultDir);
  const faultEnv: NodeJS.ProcessEnv = {
    ...backendEnv,
    DATA_DIR: faultDir,
    DATABASE_URL: `sqlite+aiosqlite:///${faultDir}/app.db`,
    FAULT_HANG: "1",
  };
  const faultLog = path.join(tmp, "fault-backend.log");
  execFileSync(UV, ["run", "alembic", "upgrade", "head"], { cwd: REPO, env: faultEnv, stdio: "pipe" });
  // tests/fault_server.py takes a listening socket; this opens it on the chosen port.
  const listenAndServe = [
    "import runpy, socket, sys",
    `sock = socket.create_server(("127.0.0.1", ${faultBackendPort}))`,
    "sys.argv = ['fault_server', str(sock.fileno())]",
    "runpy.run_module('tests.fault_server', run_name='__main__')",
  ].join("\n");
  const faultBackend = start(UV, ["run", "python", "-c", listenAndServe], { cwd: REPO, env: faultEnv, log: faultLog });
  children.push(faultBackend);

  const slow = await startSlowSseServer();

  /** A `next start` of the build on `port`, forwarding /api/* to `backendPort`. */
  const startWeb = (port: number, backendPort: number, logName: string, dir = FRONTEND) => {
    const log = path.join(tmp, logName);
    const bin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
    const child = start(process.execPath, [bin, "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        BACKEND_URL: `http://127.0.0.1:${backendPort}`,
        // As in production: the client's address replaces any forwarding header it sent.
        NODE_OPTIONS: `--import ${path.join(dir, "client-address.mjs")}`,
      },
      log,
    });
    children.push(child);
    return { child, log };
  };
  const web = startWeb(webPort, backendPort, "next.log");
  const slowWeb = startWeb(slowWebPort, slow.port, "next-slow.log");
  const faultWeb = startWeb(faultWebPort, faultBackendPort, "next-fault.log");
  const baselineWeb = baselineDir ? startWeb(baselinePort, backendPort, "next-baseline.log", path.resolve(baselineDir)) : null;

  const teardown = async () => {
    await Promise.all(children.map(stop));
    await slow.close();
    if (process.env.E2E_KEEP_TMP) console.log(`e2e: server logs and database kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    await Promise.all([
      waitFor(`http://127.0.0.1:${backendPort}/api/health`, backend, backendLog),
      waitFor(`${webOrigin}/login`, web.child, web.log),
      waitFor(`${slowWebOrigin}/login`, slowWeb.child, slowWeb.log),
      waitFor(`http://127.0.0.1:${faultBackendPort}/api/health`, faultBackend, faultLog),
      waitFor(`${faultWebOrigin}/login`, faultWeb.child, faultWeb.log),
      ...(baselineWeb ? [waitFor(`${baselineOrigin}/login`, baselineWeb.child, baselineWeb.log)] : []),
    ]);
  } catch (error) {
    await teardown();
    throw error;
  }

  process.env.E2E_BASE_URL = webOrigin;
  process.env.E2E_BACKEND_URL = `http://127.0.0.1:${backendPort}`;
  process.env.E2E_LOGIN_LIMIT_PER_IP = String(LOGIN_LIMIT_PER_IP);
  process.env.E2E_SLOW_BASE_URL = slowWebOrigin;
  process.env.E2E_SLOW_UPSTREAM_URL = `http://127.0.0.1:${slow.port}`;
  process.env.E2E_FAULT_BASE_URL = faultWebOrigin;
  if (baselineDir) process.env.E2E_BASELINE_URL = baselineOrigin;
  return teardown;
}
