"use client";

import { ChatKit, useChatKit, type UseChatKitOptions } from "@openai/chatkit-react";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

import { CHATKIT_API_URL, CHATKIT_DOMAIN_KEY } from "@/lib/config";
import { chatkitFetch } from "@/lib/http";

import { useChatKitScript } from "./chatkitScript";
import { HistoryDropdown } from "./HistoryDropdown";

export const TASKS_CHANGED_EFFECT = "tasks.changed";

export const START_PROMPTS: NonNullable<UseChatKitOptions["startScreen"]>["prompts"] = [
  { label: "What's due today?", prompt: "What's due today?", icon: "calendar" },
  { label: "What's overdue?", prompt: "What's overdue?", icon: "clock" },
  { label: "Add a task", prompt: "Remind me to call mom tomorrow", icon: "write" },
  { label: "Show my high-priority tasks", prompt: "Show my high priority tasks", icon: "search" },
];

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
};

/** The one chat used by the floating widget and by /chat: ChatKit plus our history dropdown. */
export function ChatSurface({
  variant,
  initialThread,
  requestedThread,
  onThreadChange,
  onTasksChanged,
  actions,
}: Props) {
  const script = useChatKitScript();
  const [firstThread] = useState(initialThread);
  const [threadId, setThreadId] = useState<string | null>(initialThread);
  const [ready, setReady] = useState(false);
  const [startFailed, setStartFailed] = useState(false);
  const [historyToken, setHistoryToken] = useState(0);
  const [title, setTitle] = useState<string | null>(null);
  const threadRef = useRef(threadId);

  const changeThread = useCallback(
    (id: string | null) => {
      threadRef.current = id;
      setThreadId(id);
      onThreadChange?.(id);
    },
    [onThreadChange],
  );

  const chatkit = useChatKit({
    api: { url: CHATKIT_API_URL, domainKey: CHATKIT_DOMAIN_KEY, fetch: chatkitFetch },
    initialThread: firstThread,
    theme: { colorScheme: "light", radius: "round", density: variant === "widget" ? "compact" : "normal" },
    header: { enabled: false }, // our own header carries the title and the history dropdown
    history: { enabled: false },
    startScreen: { greeting: "What should we get done?", prompts: START_PROMPTS },
    composer: { placeholder: "Ask about your tasks…", attachments: { enabled: false } },
    threadItemActions: { feedback: false, retry: true },
    onReady: () => setReady(true),
    onError: ({ error }) => {
      if (!ready) setStartFailed(true);
      console.warn("ChatKit error:", error);
    },
    onThreadChange: ({ threadId: id }) => {
      changeThread(id);
      setHistoryToken((n) => n + 1);
    },
    onResponseEnd: () => {
      setHistoryToken((n) => n + 1);
      onTasksChanged?.();
    },
    onEffect: ({ name }) => {
      if (name === TASKS_CHANGED_EFFECT) onTasksChanged?.();
    },
  });
  const { setThreadId: showThread } = chatkit;

  // Another conversation asked for from outside (the /chat URL): open it.
  useEffect(() => {
    if (!ready || requestedThread === undefined || requestedThread === threadRef.current) return;
    changeThread(requestedThread);
    void showThread(requestedThread);
  }, [ready, requestedThread, showThread, changeThread]);

  const select = useCallback(
    (id: string | null) => {
      changeThread(id);
      void showThread(id);
    },
    [changeThread, showThread],
  );

  const overlay =
    script.status === "error" ? (
      <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-white p-6 text-center">
        <p className="text-base font-semibold text-slate-900">The chat could not be loaded.</p>
        <p className="max-w-sm text-sm text-slate-600">
          The ChatKit script from <span className="font-mono text-xs">{hostOf(script.url)}</span> did not
          load: you may be offline, or a network policy or browser extension blocks it. Your tasks still
          work.
        </p>
        <button type="button" onClick={script.retry} className="btn btn-primary btn-sm mt-1">
          Try again
        </button>
      </div>
    ) : !ready && !startFailed ? (
      <div
        aria-busy="true"
        className="pointer-events-none absolute inset-0 flex items-center justify-center bg-white/80 text-sm text-slate-600"
      >
        {script.status === "loading" ? "Loading the assistant…" : "Starting the assistant…"}
      </div>
    ) : null;

  return (
    <div data-testid="chat-panel" data-ready={ready} className="flex h-full min-h-0 flex-col bg-white">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900" data-testid="chat-title">
            {threadId ? (title ?? "Conversation") : "New conversation"}
          </p>
          <p className="text-xs text-slate-500">Task assistant</p>
        </div>
        <HistoryDropdown
          currentThreadId={threadId}
          refreshToken={historyToken}
          onSelect={select}
          onNewChat={() => select(null)}
          onCurrentTitle={setTitle}
          disabled={!ready}
        />
        {actions?.(threadId)}
      </div>
      <div className="relative min-h-0 flex-1">
        <ChatKit control={chatkit.control} className="block h-full w-full" />
        {overlay}
      </div>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url, window.location.href).host;
  } catch {
    return url;
  }
}
