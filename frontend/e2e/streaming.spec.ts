import { expect, signUp, test } from "./fixtures";

type Arrival = { n: number; type: string; acked?: boolean; at: number };
type StreamResult = {
  events: Arrival[];
  reads: number;
  contentType: string | null;
  contentEncoding: string | null;
  cacheControl: string | null;
};

test.describe("Server-Sent Events through the Next.js proxy", () => {
  test("reach the browser event by event: the first arrives before the last is sent", async ({ page, request }) => {
    // The slow upstream holds back its last event until the page acknowledges the first one.
    // A proxy that buffered (or gzipped) the stream would deliver nothing before the end,
    // so the acknowledgement could not be sent and the last event would say `acked: false`.
    // A second `next start` of the same build, whose BACKEND_URL is the slow upstream.
    await page.goto(`${process.env.E2E_SLOW_BASE_URL}/login`);
    const id = `run-${Date.now()}`;
    const result = await page.evaluate(async (runId): Promise<StreamResult> => {
      const t0 = performance.now();
      const response = await fetch(`/api/chatkit?id=${runId}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: "threads.create", params: {} }),
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const events: Arrival[] = [];
      let buffer = "";
      let reads = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        reads += 1;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const line = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = JSON.parse(line.replace(/^data: /, "")) as Omit<Arrival, "at">;
          events.push({ ...event, at: Math.round(performance.now() - t0) });
          if (event.n === 1) await fetch(`/api/slow/ack?id=${runId}`);
        }
      }
      return {
        events,
        reads,
        contentType: response.headers.get("content-type"),
        contentEncoding: response.headers.get("content-encoding"),
        cacheControl: response.headers.get("cache-control"),
      };
    }, id);

    expect(result.events.map((e) => e.n)).toEqual([1, 2, 3, 4, 5]);
    expect(result.events.at(-1)).toMatchObject({ type: "last", acked: true });
    expect(result.reads).toBeGreaterThan(1);
    expect(result.contentType).toContain("text/event-stream");
    expect(result.contentEncoding).toBeNull(); // the browser accepts gzip; the stream stays plain
    expect(result.cacheControl).toContain("no-transform");

    // The upstream's own record agrees: the acknowledgement came before the last event left.
    const log = await (await request.get(`${process.env.E2E_SLOW_UPSTREAM_URL}/api/slow/log?id=${id}`)).json();
    expect(log.ackAt).toBeGreaterThanOrEqual(log.firstSentAt);
    expect(log.lastSentAt).toBeGreaterThanOrEqual(log.ackAt);
  });
});

test("a real assistant reply streams through the proxy uncompressed", async ({ page }) => {
  await signUp(page);
  const result = await page.evaluate(async () => {
    const response = await fetch("/api/chatkit", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "threads.create",
        params: {
          input: {
            content: [{ type: "input_text", text: "add a task to buy milk" }],
            attachments: [],
            inference_options: {},
          },
        },
      }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get("content-type"),
      contentEncoding: response.headers.get("content-encoding"),
      types: text
        .split("\n")
        .filter((l) => l.startsWith("data: "))
        .map((l) => (JSON.parse(l.slice(6)) as { type: string }).type),
    };
  });
  expect(result.status).toBe(200);
  expect(result.contentType).toContain("text/event-stream");
  expect(result.contentEncoding).toBeNull();
  expect(result.types[0]).toBe("thread.created");
  expect(result.types).toContain("client_effect");
  expect(result.types.filter((t) => t === "thread.item.updated").length).toBeGreaterThan(1);
});
