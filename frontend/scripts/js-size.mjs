#!/usr/bin/env node
/**
 * JavaScript a page loads from the app itself (no CDN), raw and gzip, from a production build:
 *   node scripts/js-size.mjs [frontend dir ...]   (default: this frontend; run `npm run build` first)
 * Starts `next start` of each build on a free port, asks for /dashboard and /chat (a dummy
 * session cookie passes proxy.ts, which only checks that one is present), and sums the
 * /_next/static scripts each page's HTML names, read from that build's .next directory.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";

const PAGES = ["/dashboard", "/chat"];
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [path.resolve(import.meta.dirname, "..")];

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function measure(dir) {
  const port = await freePort();
  const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BACKEND_URL: "http://127.0.0.1:9" },
    stdio: "ignore",
  });
  try {
    const result = {};
    for (const page of PAGES) {
      let html = "";
      for (let i = 0; i < 120 && !html; i++) {
        try {
          const r = await fetch(`http://127.0.0.1:${port}${page}`, { headers: { Cookie: "todo_session=x" } });
          html = await r.text();
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      const srcs = [...new Set([...html.matchAll(/\/_next\/(static\/[^"'\s]+?\.js)/g)].map((m) => m[1]))];
      let raw = 0;
      let gzip = 0;
      for (const src of srcs) {
        const bytes = fs.readFileSync(path.join(dir, ".next", decodeURIComponent(src)));
        raw += bytes.length;
        gzip += zlib.gzipSync(bytes).length;
      }
      result[page] = { files: srcs.length, raw, gzip };
    }
    return result;
  } finally {
    child.kill();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const dir of dirs) {
  const result = await measure(path.resolve(dir));
  for (const [page, r] of Object.entries(result)) {
    console.log(`${dir}\t${page}\t${r.files} files\t${kb(r.raw)} raw\t${kb(r.gzip)} gzip`);
  }
}
