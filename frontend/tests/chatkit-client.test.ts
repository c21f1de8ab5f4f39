import { afterEach, describe, expect, it, vi } from "vitest";

import { ChatHttpError, chatClient, sseData, streamEvents } from "@/lib/chatkit/client";
import { applyEvent, EMPTY, lastUserItemId, prependOlder, textOf, type Conversation } from "@/lib/chatkit/conversation";
import type { ThreadItem, ThreadStreamEvent } from "@/lib/chatkit/protocol";

/** A body that delivers exactly these chunks (strings split anywhere, even inside a character). */
function body(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

const delta = (text: string) =>
  `data: ${JSON.stringify({
    type: "thread.item.updated",
    item_id: "msg_2",
    update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: text },
  })}\n\n`;

describe("SSE parsing", () => {
  it("joins frames split across chunks, including inside a multi-byte character", async () => {
    const frame = delta("café ☕");
    const bytes = new TextEncoder().encode(frame + frame);
    // Cut inside "☕" (3 bytes in UTF-8) and inside the "\n\n" separator.
    const cut1 = new TextEncoder().encode(frame).length - 4;
    const chunks = [bytes.slice(0, cut1), bytes.slice(cut1, cut1 + 3), bytes.slice(cut1 + 3, cut1 + 5), bytes.slice(cut1 + 5)];
    const events = await collect(streamEvents(body(chunks)));
    expect(events).toHaveLength(2);
    expect(events.map((e) => (e.type === "thread.item.updated" && "delta" in e.update ? e.update.delta : null))).toEqual([
      "café ☕",
      "café ☕",
    ]);
  });

  it("reads CRLF frames, multi-line data and ignores comments and other fields", async () => {
    const data = await collect(sseData(body([": keep-alive\r\n\r\n", "event: x\r\ndata: a\r\ndata: b\r\n\r\n", "id: 1\n\n"])));
    expect(data).toEqual(["a\nb"]);
  });

  it("skips unknown event types and broken JSON, keeping the events around them", async () => {
    const events = await collect(
      streamEvents(
        body([
          'data: {"type":"progress_update","text":"Adding…"}\n\n',
          'data: {"type":"hologram.beamed","x":1}\n\n',
          "data: {not json\n\n",
          'data: {"type":"client_effect","name":"tasks.changed","data":{}}\n\n',
          'data: {"type":"error","message":"unterminated"', // no blank line: dropped
        ]),
      ),
    );
    expect(events.map((e) => e.type)).toEqual(["progress_update", "client_effect"]);
  });
});

describe("requests", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("turns a 429 into an error with the Retry-After seconds", async () => {
    const fetchSpy = vi.fn(
      async () =>
        new Response(JSON.stringify({ detail: "Too many messages" }), {
          status: 429,
          headers: { "Content-Type": "application/json", "Retry-After": "42" },
        }),
    );
    vi.stubGlobal("fetch", fetchSpy);
    const error = await collect(chatClient.addMessage("thr_1", "hi")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatHttpError);
    expect(error).toMatchObject({ status: 429, detail: "Too many messages", retryAfter: 42 });
    const sent = JSON.parse(String((fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(sent).toEqual({
      type: "threads.add_user_message",
      params: { thread_id: "thr_1", input: { content: [{ type: "input_text", text: "hi" }], attachments: [], inference_options: {} } },
    });
  });

  it("asks for items newest first, with the cursor", async () => {
    const fetchSpy = vi.fn(async () => Response.json({ data: [], has_more: false, after: null }));
    vi.stubGlobal("fetch", fetchSpy);
    await chatClient.listItemsNewestFirst("thr_1", 30, "msg_9");
    const sent = JSON.parse(String((fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(sent).toEqual({ type: "items.list", params: { thread_id: "thr_1", limit: 30, order: "desc", after: "msg_9" } });
  });

  it("stops reading when aborted", async () => {
    vi.stubGlobal("fetch", (_url: string, init: RequestInit) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(delta("Half")));
          init.signal?.addEventListener("abort", () => controller.error(new DOMException("Aborted", "AbortError")));
        },
      });
      return Promise.resolve(new Response(stream, { headers: { "Content-Type": "text/event-stream" } }));
    });
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const event of chatClient.addMessage("thr_1", "hi", controller.signal)) {
        seen.push(event.type);
        controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual(["thread.item.updated"]);
  });
});

const user = (id: string, text: string): ThreadItem => ({
  id,
  type: "user_message",
  thread_id: "thr_1",
  created_at: "2026-01-01T00:00:00",
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});
const assistant = (id: string, text: string): ThreadItem => ({
  id,
  type: "assistant_message",
  thread_id: "thr_1",
  created_at: "2026-01-01T00:00:00",
  content: [{ type: "output_text", text, annotations: [] }],
});

describe("conversation state", () => {
  const run = (events: ThreadStreamEvent[], from: Conversation = EMPTY) => events.reduce(applyEvent, from);

  it("builds a streamed reply from deltas, with progress until text arrives", () => {
    const state = run([
      { type: "thread.created", thread: { id: "thr_1", created_at: "x", title: null, items: { data: [] } } },
      { type: "thread.item.done", item: user("msg_1", "add milk") },
      { type: "progress_update", text: "Adding 'milk'…" },
    ]);
    expect(state.progress).toBe("Adding 'milk'…");
    const done = run(
      [
        { type: "thread.item.added", item: assistant("msg_2", "") },
        {
          type: "thread.item.updated",
          item_id: "msg_2",
          update: { type: "assistant_message.content_part.added", content_index: 0, content: { type: "output_text", text: "", annotations: [] } },
        },
        { type: "thread.item.updated", item_id: "msg_2", update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "Added " } },
        { type: "thread.item.updated", item_id: "msg_2", update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "milk." } },
        { type: "thread.updated", thread: { id: "thr_1", created_at: "x", title: "Milk", items: { data: [] } } },
      ],
      state,
    );
    expect(done.threadId).toBe("thr_1");
    expect(done.title).toBe("Milk");
    expect(done.progress).toBeNull();
    expect(done.items.map(textOf)).toEqual(["add milk", "Added milk."]);
    expect(lastUserItemId(done.items)).toBe("msg_1");
  });

  it("records an in-band error with its retry flag", () => {
    const state = run([{ type: "error", message: "The assistant is unavailable", allow_retry: true }]);
    expect(state.error).toEqual({ message: "The assistant is unavailable", allowRetry: true });
  });

  it("puts older items (newest first from items.list) in front, once", () => {
    const state = { ...EMPTY, items: [user("m3", "c"), assistant("m4", "d")] };
    const next = prependOlder(state, [user("m3", "c"), assistant("m2", "b"), user("m1", "a")]);
    expect(next.items.map((i) => i.id)).toEqual(["m1", "m2", "m3", "m4"]);
  });
});
