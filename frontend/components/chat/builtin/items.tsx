"use client";

import { memo, type ComponentType } from "react";

import { textOf } from "@/lib/chatkit/conversation";
import type { ThreadItem, WidgetItem } from "@/lib/chatkit/protocol";

import { Markdown } from "./Markdown";
import { canRender, WidgetView } from "./Widget";

export type ItemProps<T extends ThreadItem = ThreadItem> = { item: T; streaming: boolean };

/**
 * How each kind of thread item is shown. `null`: never shown (the server's own bookkeeping).
 * A kind missing here gets the neutral line below.
 */
export const ITEM_RENDERERS: { [K in ThreadItem["type"]]?: ComponentType<ItemProps<Extract<ThreadItem, { type: K }>>> | null } = {
  user_message: UserMessage,
  assistant_message: AssistantMessage,
  widget: WidgetMessage,
  hidden_context_item: null,
  sdk_hidden_context: null,
  end_of_turn: null,
};

export function isShown(item: ThreadItem): boolean {
  return ITEM_RENDERERS[item.type] !== null;
}

/** Memoised: a stream event changes one item, and only that one re-renders. */
export const ThreadItemView = memo(function ThreadItemView({ item, streaming }: ItemProps) {
  const Renderer = ITEM_RENDERERS[item.type] as ComponentType<ItemProps> | null | undefined;
  if (Renderer === null) return null;
  if (Renderer === undefined) return <UnsupportedItem />;
  return <Renderer item={item} streaming={streaming} />;
});

export function UserBubble({ text }: { text: string }) {
  return (
    <div data-testid="chat-message" data-author="user" className="flex justify-end">
      <div className="max-w-[85%] min-w-0 whitespace-pre-wrap rounded-3xl bg-slate-100 px-4 py-2 text-slate-900 [overflow-wrap:anywhere]">
        {text}
      </div>
    </div>
  );
}

function UserMessage({ item }: ItemProps) {
  return <UserBubble text={textOf(item)} />;
}

function AssistantMessage({ item }: ItemProps) {
  return (
    <div data-testid="chat-message" data-author="assistant" className="min-w-0 text-slate-900 [overflow-wrap:anywhere]">
      <Markdown text={textOf(item)} />
    </div>
  );
}

/** A widget (task list, Undo button): part of the assistant's answer. */
function WidgetMessage({ item }: ItemProps<WidgetItem>) {
  return canRender(item.widget) ? <WidgetView item={item} /> : <UnsupportedItem />;
}

function UnsupportedItem() {
  return (
    <p data-testid="chat-item-unsupported" className="text-sm italic text-slate-600">
      This part of the conversation can&apos;t be shown here.
    </p>
  );
}
