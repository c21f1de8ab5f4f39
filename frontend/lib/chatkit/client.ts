/**
 * The ChatKit wire protocol over /api/chatkit, for the built-in chat UI: JSON operations, and
 * the streaming ones as Server-Sent Events parsed incrementally. Types come from protocol.ts,
 * generated from the server's own models.
 */
import { CHATKIT_API_URL } from "@/lib/config";
import { apiFetch, errorDetail } from "@/lib/http";

import {
  STREAM_EVENT_TYPES,
  type ActionStrAny,
  type ChatKitRequest,
  type ItemsPage,
  type Thread,
  type ThreadStreamEvent,
  type UserMessageInput,
} from "./protocol";

/** An HTTP error before any stream: the status says what the UI should do about it. */
export class ChatHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** Seconds, from Retry-After (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(detail);
    this.name = "ChatHttpError";
  }
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(STREAM_EVENT_TYPES);

/**
 * The `data:` payloads of an SSE body, one per event, however the bytes were split into chunks.
 * Comments, other fields and an unterminated last frame are dropped.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5));
        if (data.length) yield data.join("\n");
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Stream events this client knows; anything else (a newer server's event, garbage) is skipped. */
export async function* streamEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ThreadStreamEvent> {
  for await (const data of sseData(body)) {
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      continue;
    }
    if (event && typeof event === "object" && KNOWN_EVENTS.has((event as { type?: string }).type ?? "")) {
      yield event as ThreadStreamEvent;
    }
  }
}

async function post(request: ChatKitRequest, signal?: AbortSignal): Promise<Response> {
  const response = await apiFetch(CHATKIT_API_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ChatHttpError(
      response.status,
      await errorDetail(response),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return response;
}

async function json<T>(request: ChatKitRequest, signal?: AbortSignal): Promise<T> {
  return (await (await post(request, signal)).json()) as T;
}

async function* stream(request: ChatKitRequest, signal?: AbortSignal): AsyncGenerator<ThreadStreamEvent> {
  const response = await post(request, signal);
  if (!response.body) return;
  yield* streamEvents(response.body);
}

export function textInput(text: string): UserMessageInput {
  return { content: [{ type: "input_text", text }], attachments: [], inference_options: {} };
}

/** One place for every request the built-in UI makes; `signal` aborts (Stop, unmount). */
export const chatClient = {
  /** A new conversation with its first message. */
  createThread(text: string, signal?: AbortSignal) {
    return stream({ type: "threads.create", params: { input: textInput(text) } }, signal);
  },
  addMessage(threadId: string, text: string, signal?: AbortSignal) {
    return stream({ type: "threads.add_user_message", params: { thread_id: threadId, input: textInput(text) } }, signal);
  },
  /** Answer again from the given (user) item: the Retry of an in-band error. */
  retryAfterItem(threadId: string, itemId: string, signal?: AbortSignal) {
    return stream({ type: "threads.retry_after_item", params: { thread_id: threadId, item_id: itemId } }, signal);
  },
  /**
   * A widget's action (a toggle, an Undo button), sent as the widget item's own: the server checks
   * the item offered it, acts, and streams back like a reply (the widget redrawn, effects, errors).
   */
  customAction(threadId: string, itemId: string, action: ActionStrAny, signal?: AbortSignal) {
    return stream({ type: "threads.custom_action", params: { thread_id: threadId, item_id: itemId, action } }, signal);
  },
  getThread(threadId: string, signal?: AbortSignal) {
    return json<Thread>({ type: "threads.get_by_id", params: { thread_id: threadId } }, signal);
  },
  /** Newest first: the first page is the end of the conversation, `after` goes further back. */
  listItemsNewestFirst(threadId: string, limit: number, after?: string | null, signal?: AbortSignal) {
    return json<ItemsPage>(
      { type: "items.list", params: { thread_id: threadId, limit, order: "desc", ...(after ? { after } : {}) } },
      signal,
    );
  },
};

export type ChatClient = typeof chatClient;
