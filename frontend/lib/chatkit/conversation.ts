/**
 * A conversation as the built-in UI shows it, and how each stream event changes it. Pure
 * functions (the React hook holds the state), so the protocol handling is unit-tested alone.
 */
import type { AssistantMessageItem, ThreadItem, ThreadStreamEvent } from "./protocol";

export type ChatError = { message: string; allowRetry: boolean };

export type Conversation = {
  threadId: string | null;
  title: string | null;
  /** Oldest first. */
  items: ThreadItem[];
  /** What a running tool is doing ("Adding 'Buy milk'…"); cleared when text arrives. */
  progress: string | null;
  error: ChatError | null;
};

export const EMPTY: Conversation = { threadId: null, title: null, items: [], progress: null, error: null };

function upsert(items: ThreadItem[], item: ThreadItem): ThreadItem[] {
  const at = items.findIndex((i) => i.id === item.id);
  if (at < 0) return [...items, item];
  const next = items.slice();
  next[at] = item;
  return next;
}

function updateAssistant(item: AssistantMessageItem, update: Extract<ThreadStreamEvent, { type: "thread.item.updated" }>["update"]): AssistantMessageItem {
  const content = item.content.slice();
  switch (update.type) {
    case "assistant_message.content_part.added":
    case "assistant_message.content_part.done":
      content[update.content_index] = update.content;
      break;
    case "assistant_message.content_part.text_delta": {
      const part = content[update.content_index] ?? { type: "output_text", text: "", annotations: [] };
      content[update.content_index] = { ...part, text: part.text + update.delta };
      break;
    }
    default:
      return item;
  }
  return { ...item, content };
}

/** The state after one stream event. Effects (client_effect) are the caller's to run. */
export function applyEvent(state: Conversation, event: ThreadStreamEvent): Conversation {
  switch (event.type) {
    case "thread.created":
    case "thread.updated":
      return { ...state, threadId: event.thread.id, title: event.thread.title ?? null };
    case "thread.item.added":
    case "thread.item.done":
    case "thread.item.replaced": {
      const isText = event.item.type === "assistant_message";
      return { ...state, items: upsert(state.items, event.item), progress: isText ? null : state.progress };
    }
    case "thread.item.removed":
      return { ...state, items: state.items.filter((i) => i.id !== event.item_id) };
    case "thread.item.updated": {
      const items = state.items.map((i) =>
        i.id === event.item_id && i.type === "assistant_message" ? updateAssistant(i, event.update) : i,
      );
      return { ...state, items, progress: null };
    }
    case "progress_update":
      return { ...state, progress: event.text };
    case "error":
      return {
        ...state,
        progress: null,
        error: { message: event.message || "Something went wrong.", allowRetry: event.allow_retry ?? false },
      };
    default:
      return state;
  }
}

/** Older items (from items.list, newest first) put in front, without duplicates. */
export function prependOlder(state: Conversation, newestFirst: ThreadItem[]): Conversation {
  const seen = new Set(state.items.map((i) => i.id));
  const older = newestFirst.filter((i) => !seen.has(i.id)).reverse();
  return { ...state, items: [...older, ...state.items] };
}

/** The text of a message item, for display and tests. */
export function textOf(item: ThreadItem): string {
  if (item.type === "assistant_message") return item.content.map((c) => c.text).join("\n\n");
  if (item.type === "user_message") {
    return item.content.map((c) => (c.type === "input_text" ? c.text : `@${c.text}`)).join("");
  }
  return "";
}

/** The last user message: what Retry answers again. */
export function lastUserItemId(items: ThreadItem[]): string | null {
  return items.findLast((i) => i.type === "user_message")?.id ?? null;
}
