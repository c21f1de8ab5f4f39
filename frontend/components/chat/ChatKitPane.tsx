"use client";

import { ChatKit, useChatKit } from "@openai/chatkit-react";
import { useEffect, useRef, useState } from "react";

import { CHATKIT_API_URL, CHATKIT_DOMAIN_KEY } from "@/lib/config";
import { TASKS_CHANGED_EFFECT } from "@/lib/chatkit/protocol";
import { chatkitFetch } from "@/lib/http";

import { type ScriptStatus } from "./chatkitScript";
import { GREETING, START_PROMPTS } from "./startScreen";

type Props = {
  variant: "widget" | "page";
  script: { status: ScriptStatus; retry: () => void; url: string };
  /** The conversation to show; changed from outside (history, URL), followed here. */
  threadId: string | null;
  onThreadChange: (threadId: string | null) => void;
  onReady: () => void;
  /** ChatKit failed before it was ready (e.g. an unregistered domain key). */
  onStartFailed: () => void;
  onReplyEnd: () => void;
  onTasksChanged?: () => void;
  /** Bumped when the chat opens: the composer gets the focus. */
  focusToken: number;
};

/** OpenAI's ChatKit web component, talking to our /api/chatkit. */
export function ChatKitPane({
  variant,
  script,
  threadId,
  onThreadChange,
  onReady,
  onStartFailed,
  onReplyEnd,
  onTasksChanged,
  focusToken,
}: Props) {
  const [firstThread] = useState(threadId);
  const [ready, setReady] = useState(false);
  const [startFailed, setStartFailed] = useState(false);
  const shown = useRef(threadId); // what ChatKit shows, as far as we know

  const chatkit = useChatKit({
    api: { url: CHATKIT_API_URL, domainKey: CHATKIT_DOMAIN_KEY, fetch: chatkitFetch },
    initialThread: firstThread,
    theme: { colorScheme: "light", radius: "round", density: variant === "widget" ? "compact" : "normal" },
    header: { enabled: false }, // our own header carries the title and the history dropdown
    history: { enabled: false },
    startScreen: { greeting: GREETING, prompts: START_PROMPTS.map((p) => ({ ...p })) },
    composer: { placeholder: "Ask about your tasks…", attachments: { enabled: false } },
    threadItemActions: { feedback: false, retry: true },
    onReady: () => {
      setReady(true);
      onReady();
    },
    onError: ({ error }) => {
      if (!ready) {
        setStartFailed(true);
        onStartFailed();
      }
      console.warn("ChatKit error:", error);
    },
    onThreadChange: ({ threadId: id }) => {
      shown.current = id;
      onThreadChange(id);
    },
    onResponseEnd: () => {
      onReplyEnd();
      onTasksChanged?.();
    },
    onEffect: ({ name }) => {
      if (name === TASKS_CHANGED_EFFECT) onTasksChanged?.();
    },
  });
  const { setThreadId: showThread, focusComposer } = chatkit;

  // Another conversation chosen outside ChatKit (history dropdown, URL): show it.
  useEffect(() => {
    if (!ready || threadId === shown.current) return;
    shown.current = threadId;
    void showThread(threadId);
  }, [ready, threadId, showThread]);

  useEffect(() => {
    if (ready && focusToken > 0) void focusComposer();
  }, [ready, focusToken, focusComposer]);

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
      <LoadingOverlay text={script.status === "loading" ? "Loading the assistant…" : "Starting the assistant…"} />
    ) : null;

  return (
    <div className="relative h-full min-h-0" data-chat-ui="chatkit">
      <ChatKit control={chatkit.control} className="block h-full w-full" />
      {overlay}
    </div>
  );
}

export function LoadingOverlay({ text }: { text: string }) {
  return (
    <div
      aria-busy="true"
      className="pointer-events-none absolute inset-0 flex items-center justify-center bg-white/80 text-sm text-slate-600"
    >
      {text}
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
