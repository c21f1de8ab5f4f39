"use client";

import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { useStickToBottom } from "use-stick-to-bottom";

import { GREETING, START_PROMPTS } from "../startScreen";
import { ThreadItemView, UserBubble, isShown } from "./items";
import { Composer } from "./Composer";
import { useConversation } from "./useConversation";
import { WidgetActions } from "./Widget";

type Props = {
  threadId: string | null;
  onThreadChange: (threadId: string | null) => void;
  onTitle?: (title: string | null) => void;
  onTasksChanged?: () => void;
  onReplyEnd?: () => void;
  /** Bumped each time the chat is opened: the composer gets the focus. */
  focusToken: number;
  variant: "widget" | "page";
};

/** Older items load when the view is within this distance of the top. */
const NEAR_TOP_PX = 400;

/** The first-party chat: the ChatKit protocol to /api/chatkit, no outside script. */
export function BuiltinChat({ threadId, onThreadChange, onTitle, onTasksChanged, onReplyEnd, focusToken, variant }: Props) {
  const chat = useConversation({ threadId, onThreadChange, onTitle, onTasksChanged, onReplyEnd });
  const { conversation, status, pending, notice, hasOlder, loadingOlder, loadOlder, send, stop, retry, act } = chat;
  const { scrollRef, contentRef, scrollToBottom } = useStickToBottom({ initial: "instant", resize: "instant" });
  const streaming = status === "streaming";
  const items = conversation.items.filter(isShown);
  const lastItem = items.at(-1);
  const waitingForText = streaming && !pending && lastItem?.type !== "assistant_message" && !conversation.progress;
  const empty = items.length === 0 && !pending && status !== "opening" && !conversation.threadId;

  // Keep the view where it is when older items are put in front (scroll-up paging).
  const fromBottom = useRef<number | null>(null);
  const loadOlderKeepingPlace = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !hasOlder || loadingOlder || status === "opening") return;
    if (el.scrollTop > NEAR_TOP_PX) return;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    void loadOlder();
  }, [scrollRef, hasOlder, loadingOlder, status, loadOlder]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && fromBottom.current !== null && !loadingOlder) {
      el.scrollTop = el.scrollHeight - fromBottom.current;
      fromBottom.current = null;
    }
  }, [conversation.items, loadingOlder, scrollRef]);
  // A page that does not fill the view (or held only hidden items): fetch further back.
  useEffect(() => {
    loadOlderKeepingPlace();
  }, [loadOlderKeepingPlace, conversation.items]);

  // Into the composer when the chat opens (unless the user is typing somewhere else meanwhile).
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusToken === 0) return;
    const active = document.activeElement;
    const typingElsewhere =
      active instanceof HTMLElement &&
      !rootRef.current?.closest("[data-testid=chat-panel]")?.contains(active) &&
      (active.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName));
    if (!typingElsewhere) inputRef.current?.focus();
  }, [focusToken]);

  // A conversation opens at its newest message.
  useEffect(() => {
    if (status === "opening") void scrollToBottom("instant");
  }, [status, scrollToBottom]);

  const sendAndFollow = useCallback(
    (text: string) => {
      void scrollToBottom("instant");
      return send(text);
    },
    [send, scrollToBottom],
  );

  return (
    <div ref={rootRef} className="flex h-full min-h-0 flex-col bg-white" data-chat-ui="builtin">
      <div ref={scrollRef} onScroll={loadOlderKeepingPlace} className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">
        <div
          ref={contentRef}
          role="log"
          aria-label="Conversation"
          aria-busy={streaming || status === "opening"}
          className={`mx-auto flex max-w-3xl flex-col gap-5 py-4 ${variant === "page" ? "px-4 sm:px-6" : "px-4"}`}
        >
          {(loadingOlder || status === "opening") && (
            <p className="text-center text-sm text-slate-600">Loading messages…</p>
          )}
          <WidgetActions value={act}>
            {items.map((item) => (
              <ThreadItemView key={item.id} item={item} streaming={streaming && item === lastItem} />
            ))}
          </WidgetActions>
          {pending && <UserBubble text={pending} />}
          {conversation.progress && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-slate-500" />
              {conversation.progress}
            </p>
          )}
          {waitingForText && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-slate-500" />
              Thinking…
            </p>
          )}
          {conversation.error && !streaming && (
            <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
              <p>{conversation.error.message}</p>
              {conversation.error.allowRetry && (
                <button type="button" onClick={retry} className="btn btn-sm mt-1 border border-red-300 bg-white text-red-900 hover:bg-red-100">
                  Retry
                </button>
              )}
            </div>
          )}
        </div>
        {empty && (
          <div className="mx-auto flex max-w-3xl flex-col items-center gap-4 px-4 pt-[12vh] text-center">
            <h2 className="text-2xl font-semibold text-slate-900">{GREETING}</h2>
            <ul className="flex flex-wrap justify-center gap-2" aria-label="Suggestions">
              {START_PROMPTS.map((p) => (
                <li key={p.label}>
                  <button
                    type="button"
                    onClick={() => void sendAndFollow(p.prompt)}
                    className="rounded-full border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
                  >
                    {p.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {notice && (
        <p role="alert" className="mx-auto w-full max-w-3xl px-4 pb-1 text-sm text-red-800">
          {notice}
        </p>
      )}
      <Composer streaming={streaming} disabled={status === "opening"} onSend={sendAndFollow} onStop={stop} inputRef={inputRef} />
    </div>
  );
}
