"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

import { ChatSurface } from "./ChatSurface";

/** /chat: the same chat as the widget, full page, with the conversation in the URL (?thread=). */
export function ChatPageView({ initialThread }: { initialThread: string | null }) {
  const params = useSearchParams();
  const requested = params.get("thread") || null;

  const keepInUrl = useCallback((threadId: string | null) => {
    const url = new URL(window.location.href);
    if (threadId) url.searchParams.set("thread", threadId);
    else url.searchParams.delete("thread");
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, []);

  return (
    <main className="mx-auto flex w-full max-w-4xl flex-1 flex-col px-0 sm:px-4 sm:py-4">
      <h1 className="sr-only">Chat with the task assistant</h1>
      <div className="flex h-[calc(100dvh-3.25rem)] flex-col overflow-hidden border-slate-200 bg-white sm:h-[calc(100dvh-6rem)] sm:rounded-2xl sm:border sm:shadow-sm">
        <ChatSurface
          variant="page"
          initialThread={initialThread}
          requestedThread={requested}
          onThreadChange={keepInUrl}
        />
      </div>
    </main>
  );
}
