/**
 * Performance of the built-in chat UI in a real browser, against the real backend with the
 * offline model (CDN blocked, so `auto` picks the built-in UI). Skipped unless PERF=1:
 *   npm run build && PERF=1 UV=uv npx playwright test e2e/perf.spec.ts
 * Prints Send -> first assistant text (20 sends: p50, p90) and the JavaScript /chat loads with
 * the built-in UI in use (gzip). Results are recorded in bench/README.md.
 */
import zlib from "node:zlib";

import { builtinChat, expect, signUp, test } from "./fixtures";

test.use({ chatkitScript: "abort" });
test.skip(process.env.PERF !== "1", "performance run: PERF=1");

const SENDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

test("Send -> first assistant text, and the JavaScript of /chat with the built-in UI", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => null);
    if (body) scripts.set(response.url(), zlib.gzipSync(body).length);
  });
  await page.goto("/chat");
  const c = builtinChat(page.getByTestId("chat-panel"));
  await expect(c.input).toBeVisible();
  await page.waitForLoadState("networkidle");
  const jsGzip = [...scripts.values()].reduce((a, b) => a + b, 0);

  const timings: number[] = [];
  const firstByte: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const before = await c.assistant.count();
    // A reply's end makes the history re-read; a person does not type the next message within
    // those milliseconds, so each send starts after it (as the wire run below does).
    const historyReread = page.waitForResponse((r) => (r.request().postData() ?? "").includes('"threads.list"'));
    await c.input.fill(i % 2 ? "what's overdue?" : `add a task to perf check ${i}`);
    // Clicked from inside the page, timed there: from the click to the first character of the
    // new assistant message in the DOM (a MutationObserver, no polling).
    const { ms, t0 } = await page.evaluate(async (count) => {
      const log = document.querySelector('[role="log"]')!;
      const t0 = performance.now();
      const seen = new Promise<number>((resolve) => {
        const check = () => {
          const replies = log.querySelectorAll('[data-testid="chat-message"][data-author="assistant"]');
          if (replies.length > count && (replies.item(replies.length - 1).textContent ?? "").trim()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(log, { childList: true, subtree: true, characterData: true });
      });
      (document.querySelector('button[aria-label="Send"]') as HTMLButtonElement).click();
      return { ms: await seen, t0 };
    }, before);
    timings.push(ms);
    await expect(c.sendButton).toBeVisible(); // the reply is over before the next send
    await historyReread;
    // Where the time went: the request's own timing (known once the stream has ended).
    firstByte.push(
      await page.evaluate((start) => {
        const entry = performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("/api/chatkit") && e.startTime >= start)
          .at(0) as PerformanceResourceTiming | undefined;
        return entry ? entry.responseStart - start : NaN;
      }, t0),
    );
  }
  // The same sends without the UI: fetch in the page, to the first text delta on the wire.
  const threadId = new URL(page.url()).searchParams.get("thread")!;
  const wire: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    wire.push(
      await page.evaluate(
        async ({ id, text }) => {
          const t0 = performance.now();
          const r = await fetch("/api/chatkit", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              type: "threads.add_user_message",
              params: { thread_id: id, input: { content: [{ type: "input_text", text }], attachments: [], inference_options: {} } },
            }),
          });
          const reader = r.body!.getReader();
          const decoder = new TextDecoder();
          let seen = "";
          let first = NaN;
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            seen += decoder.decode(value, { stream: true });
            if (Number.isNaN(first) && seen.includes("text_delta")) first = performance.now() - t0;
          }
          return first;
        },
        { id: threadId, text: i % 2 ? "what's overdue?" : `add a task to wire check ${i}` },
      ),
    );
  }
  const wireSorted = [...wire].sort((a, b) => a - b);
  const sorted = [...timings].sort((a, b) => a - b);
  const result = {
    sends: SENDS,
    p50_ms: Math.round(percentile(sorted, 50)),
    p90_ms: Math.round(percentile(sorted, 90)),
    max_ms: Math.round(sorted.at(-1) ?? NaN),
    first_byte_p50_ms: Math.round(percentile([...firstByte].sort((a, b) => a - b), 50)),
    wire_p50_ms: Math.round(percentile(wireSorted, 50)),
    wire_p90_ms: Math.round(percentile(wireSorted, 90)),
    chat_js_gzip_kB: Math.round(jsGzip / 102.4) / 10,
    chat_js_files: scripts.size,
  };
  console.log(`PERF ${JSON.stringify(result)}`);
  await test.info().attach("perf.json", { body: JSON.stringify({ ...result, timings }, null, 1), contentType: "application/json" });
  // The target (p50 <= 150 ms) is reported, not asserted: on a shared machine the figure moves
  // with the load, and bench/README.md records it with the conditions.
  console.log(`PERF target p50 <= 150 ms: ${result.p50_ms <= 150 ? "met" : "missed"}`);
});

/**
 * The dashboard's time to first task visible on a cold load: from navigation start to the first
 * task row in the DOM (a MutationObserver set up before any script runs), each load in a fresh
 * browser context (empty cache), 30 tasks on the account. With PERF_BASELINE_FRONTEND=<a
 * frontend dir with its own build> (e.g. main's), global-setup serves that build too, on the same
 * backend, and the two are measured in turns in one run:
 *   PERF=1 PERF_BASELINE_FRONTEND=/tmp/main/frontend npx playwright test e2e/perf.spec.ts -g "first task"
 */
test("dashboard: time to first task visible, cold load (this build, and the baseline)", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const ROUNDS = 15;
  await signUp(page);
  await page.evaluate(async () => {
    for (let i = 1; i <= 30; i++) {
      await fetch("/api/tasks", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title: `Perf task ${i}`, ...(i % 3 ? { due_date: "2031-01-01" } : {}) }),
      });
    }
  });
  const state = await page.context().storageState();
  const targets: [string, string][] = [["this build", process.env.E2E_BASE_URL!]];
  if (process.env.E2E_BASELINE_URL) targets.push(["baseline", process.env.E2E_BASELINE_URL]);

  async function coldLoad(base: string): Promise<number> {
    const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 800 } });
    await context.route((url) => !["127.0.0.1", "localhost"].includes(url.hostname), (r) => r.abort("internetdisconnected"));
    await context.addInitScript(() => {
      const w = window as unknown as { __firstTask?: number };
      new MutationObserver((_, observer) => {
        if (w.__firstTask === undefined && document.querySelector('[data-testid="task-item"]')) {
          w.__firstTask = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const p = await context.newPage();
    await p.goto(`${base}/dashboard`);
    await p.waitForFunction(() => (window as unknown as { __firstTask?: number }).__firstTask !== undefined);
    const ms = await p.evaluate(() => (window as unknown as { __firstTask: number }).__firstTask);
    await context.close();
    return ms;
  }

  const times = new Map<string, number[]>(targets.map(([name]) => [name, []]));
  for (const [, base] of targets) await coldLoad(base); // each server's first answer, not counted
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, base] of round % 2 ? [...targets].reverse() : targets) times.get(name)!.push(await coldLoad(base));
  }
  const result = Object.fromEntries(
    [...times].map(([name, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [name, { loads: ms.length, p50_ms: Math.round(percentile(sorted, 50)), p90_ms: Math.round(percentile(sorted, 90)) }];
    }),
  );
  console.log(`PERF first task visible ${JSON.stringify(result)}`);
  await test.info().attach("first-task.json", { body: JSON.stringify({ result, times: Object.fromEntries(times) }, null, 1), contentType: "application/json" });
});
