/**
 * A conversation as the built-in UI shows it, and how each stream event changes it. Pure
 * functions (the React hook holds the state), so the protocol handling is unit-tested alone.
 */
import type { AssistantMessageItem, ThreadItem, ThreadStreamEvent, WidgetItem } from "./protocol";

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

type ItemUpdate = Extract<ThreadStreamEvent, { type: "thread.item.updated" }>["update"];

function updateAssistant(item: AssistantMessageItem, update: ItemUpdate): AssistantMessageItem {
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

type Node = { id?: string | null; children?: unknown };

/** A copy of the tree with the component whose `id` matches changed by `change`. */
function mapComponent(node: Node, id: string, change: (found: Node) => Node): Node {
  if (node.id === id) return change(node);
  if (!Array.isArray(node.children)) return node;
  return { ...node, children: node.children.map((child: Node) => mapComponent(child, id, change)) };
}

/** A widget redrawn in place: the whole root, one component, or text streaming into one. */
function updateWidget(item: WidgetItem, update: ItemUpdate): WidgetItem {
  const root = item.widget as Node;
  switch (update.type) {
    case "widget.root.updated":
      return { ...item, widget: update.widget };
    case "widget.component.updated":
      return { ...item, widget: mapComponent(root, update.component_id, () => update.component) as WidgetItem["widget"] };
    case "widget.streaming_text.value_delta": {
      const grow = (c: Node) => ({ ...c, value: String((c as { value?: unknown }).value ?? "") + update.delta });
      return { ...item, widget: mapComponent(root, update.component_id, grow) as WidgetItem["widget"] };
    }
    default:
      return item;
  }
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
      const items = state.items.map((i) => {
        if (i.id !== event.item_id) return i;
        if (i.type === "assistant_message") return updateAssistant(i, event.update);
        if (i.type === "widget") return updateWidget(i, event.update);
        return i;
      });
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
