"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

import { lastThread } from "@/lib/threads";

import { ChatKitPane, LoadingOverlay } from "./ChatKitPane";
import { useChatUi } from "./chatkitScript";
import { HistoryDropdown } from "./HistoryDropdown";

// Loaded only when it is the UI in use: the markdown pipeline is most of its weight.
const BuiltinChat = dynamic(() => import("./builtin/BuiltinChat").then((m) => m.BuiltinChat), {
  ssr: false,
  loading: () => <LoadingOverlay text="Loading the assistant…" />,
});

type Props = {
  variant: "widget" | "page";
  /** The conversation to open when the chat first starts (null: a new one). */
  initialThread: string | null;
  /** A conversation asked for from outside after the start (e.g. the URL changed). */
  requestedThread?: string | null;
  onThreadChange?: (threadId: string | null) => void;
  /** The assistant changed tasks (the `tasks.changed` effect) or finished a reply. */
  onTasksChanged?: () => void;
  /** Extra header buttons; they get the current conversation id. */
  actions?: (threadId: string | null) => ReactNode;
  /** Bumped each time the chat is opened: the composer gets the focus. */
  focusToken?: number;
};

/**
 * The one chat used by the floating widget and by /chat: our header (title, history) over
 * either ChatKit or the built-in UI (useChatUi decides). Both share the conversation id.
 */
export function ChatSurface({
  variant,
  initialThread,
  requestedThread,
  onThreadChange,
  onTasksChanged,
  actions,
  focusToken = 1,
}: Props) {
  const { ui, script, fallBack } = useChatUi();
  const [threadId, setThreadId] = useState<string | null>(initialThread);
  const [chatkitReady, setChatkitReady] = useState(false);
  const [historyToken, setHistoryToken] = useState(0);
  const [title, setTitle] = useState<string | null>(null);
  const threadRef = useRef(threadId);

  const changeThread = useCallback(
    (id: string | null) => {
      if (id === threadRef.current) return;
      threadRef.current = id;
      setThreadId(id);
      lastThread.set(id);
      onThreadChange?.(id);
      setHistoryToken((n) => n + 1);
    },
    [onThreadChange],
  );
  const replyEnded = useCallback(() => setHistoryToken((n) => n + 1), []);

  // Another conversation asked for from outside (the /chat URL): open it.
  useEffect(() => {
    if (requestedThread !== undefined) changeThread(requestedThread);
  }, [requestedThread, changeThread]);

  return (
    <div data-testid="chat-panel" data-ui={ui} data-ready={ui === "builtin" || chatkitReady} className="relative flex h-full min-h-0 flex-col bg-white">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900" data-testid="chat-title">
            {threadId ? (title ?? "Conversation") : "New conversation"}
          </p>
          <p className="text-xs text-slate-600">Task assistant</p>
        </div>
        <HistoryDropdown
          currentThreadId={threadId}
          refreshToken={historyToken}
          onSelect={changeThread}
          onNewChat={() => changeThread(null)}
          onCurrentTitle={setTitle}
          disabled={ui === "deciding" || (ui === "chatkit" && !chatkitReady)}
        />
        {actions?.(threadId)}
      </div>
      <div className="relative min-h-0 flex-1">
        {ui === "builtin" ? (
          <BuiltinChat
            variant={variant}
            threadId={threadId}
            onThreadChange={changeThread}
            onTitle={setTitle}
            onTasksChanged={onTasksChanged}
            onReplyEnd={replyEnded}
            focusToken={focusToken}
          />
        ) : ui === "chatkit" ? (
          <ChatKitPane
            variant={variant}
            script={script}
            threadId={threadId}
            onThreadChange={changeThread}
            onReady={() => setChatkitReady(true)}
            onStartFailed={fallBack}
            onReplyEnd={replyEnded}
            onTasksChanged={onTasksChanged}
            focusToken={focusToken}
          />
        ) : (
          <LoadingOverlay text="Loading the assistant…" />
        )}
      </div>
    </div>
  );
}
