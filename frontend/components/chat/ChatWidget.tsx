"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

import { ChatIcon, CloseIcon, ExpandIcon } from "@/components/icons";
import { lastThread } from "@/lib/threads";

import { preloadChatUi } from "./chatkitScript";
import { ChatSurface } from "./ChatSurface";

type Props = {
  onTasksChanged?: () => void;
  onOpenChange?: (open: boolean) => void;
};

/**
 * The floating assistant on the dashboard. Mounted on first open (resuming the conversation
 * shown last, also after a reload), then only hidden: the chat survives closing and reopening.
 */
export function ChatWidget({ onTasksChanged, onOpenChange }: Props) {
  const [open, setOpenState] = useState(false);
  const [firstThread, setFirstThread] = useState<string | null | undefined>(undefined);
  const [opened, setOpened] = useState(0);
  const launcherRef = useRef<HTMLButtonElement>(null);

  useEffect(preloadChatUi, []);

  function setOpen(value: boolean) {
    setOpenState(value);
    onOpenChange?.(value);
    if (value) {
      if (firstThread === undefined) setFirstThread(lastThread.get());
      setOpened((n) => n + 1);
    }
  }

  function closeToLauncher() {
    setOpen(false);
    launcherRef.current?.focus();
  }

  return (
    <>
      <div
        id="chat-widget"
        role="dialog"
        aria-label="Task assistant"
        hidden={!open}
        onKeyDown={(e) => e.key === "Escape" && closeToLauncher()}
        className="fixed inset-0 z-40 overflow-hidden overscroll-contain bg-white shadow-2xl sm:inset-auto sm:bottom-24 sm:right-6 sm:h-[min(40rem,calc(100dvh-8rem))] sm:w-[26rem] sm:rounded-2xl sm:border sm:border-slate-200"
      >
        {firstThread !== undefined && (
          <ChatSurface
            variant="widget"
            initialThread={firstThread}
            onTasksChanged={onTasksChanged}
            focusToken={opened}
            actions={(threadId) => (
              <>
                <Link
                  href={threadId ? `/chat?thread=${encodeURIComponent(threadId)}` : "/chat"}
                  className="btn btn-ghost btn-sm"
                  title="Open this conversation on the full chat page"
                >
                  <ExpandIcon />
                  <span className="sr-only sm:not-sr-only">Full page</span>
                </Link>
                <button type="button" onClick={closeToLauncher} aria-label="Close the assistant" className="btn btn-ghost btn-sm">
                  <CloseIcon />
                </button>
              </>
            )}
          />
        )}
      </div>
      {/* On a phone: a bar of its own along the bottom (the page leaves room for it), so it never
          sits on top of a task's buttons; from sm up, the usual round button in the corner. */}
      <button
        ref={launcherRef}
        type="button"
        data-testid="chat-launcher"
        aria-expanded={open}
        aria-controls="chat-widget"
        onClick={() => setOpen(!open)}
        className={`fixed z-50 flex items-center justify-center gap-2 bg-indigo-600 text-white shadow-lg hover:bg-indigo-700 focus-visible:outline-offset-4 max-sm:inset-x-0 max-sm:bottom-0 max-sm:h-14 max-sm:pb-[env(safe-area-inset-bottom)] max-sm:text-base max-sm:font-medium sm:bottom-6 sm:right-6 sm:size-14 sm:rounded-full sm:text-2xl ${
          open ? "max-sm:hidden" : ""
        }`}
      >
        {open ? <CloseIcon /> : <ChatIcon />}
        <span aria-hidden="true" className="sm:hidden">
          Ask the assistant
        </span>
        <span className="sr-only">{open ? "Close the assistant" : "Open the assistant"}</span>
      </button>
    </>
  );
}
