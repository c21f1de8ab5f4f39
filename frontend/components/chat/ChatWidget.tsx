"use client";

import Link from "next/link";
import { useState } from "react";

import { ChatIcon, CloseIcon, ExpandIcon } from "@/components/icons";

import { ChatSurface } from "./ChatSurface";

type Props = {
  onTasksChanged?: () => void;
  onOpenChange?: (open: boolean) => void;
};

/**
 * The floating assistant on the dashboard. Mounted on first open, then only hidden: the ChatKit
 * frame and its conversation survive closing and reopening.
 */
export function ChatWidget({ onTasksChanged, onOpenChange }: Props) {
  const [open, setOpenState] = useState(false);
  const [mounted, setMounted] = useState(false);

  function setOpen(value: boolean) {
    setOpenState(value);
    onOpenChange?.(value);
  }

  function toggle() {
    setMounted(true);
    setOpen(!open);
  }

  return (
    <>
      <div
        id="chat-widget"
        role="dialog"
        aria-label="Task assistant"
        hidden={!open}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className="fixed inset-0 z-40 overflow-hidden bg-white shadow-2xl sm:inset-auto sm:bottom-24 sm:right-6 sm:h-[min(40rem,calc(100dvh-8rem))] sm:w-[26rem] sm:rounded-2xl sm:border sm:border-slate-200"
      >
        {mounted && (
          <ChatSurface
            variant="widget"
            initialThread={null}
            onTasksChanged={onTasksChanged}
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
                <button
                  type="button"
                  onClick={() => setOpen(false)}
                  aria-label="Close the assistant"
                  className="btn btn-ghost btn-sm"
                >
                  <CloseIcon />
                </button>
              </>
            )}
          />
        )}
      </div>
      <button
        type="button"
        data-testid="chat-launcher"
        aria-expanded={open}
        aria-controls="chat-widget"
        onClick={toggle}
        className={`fixed bottom-6 right-6 z-50 flex size-14 items-center justify-center rounded-full bg-indigo-600 text-2xl text-white shadow-lg hover:bg-indigo-700 focus-visible:outline-offset-4 ${
          open ? "max-sm:hidden" : ""
        }`}
      >
        {open ? <CloseIcon /> : <ChatIcon />}
        <span className="sr-only">{open ? "Close the assistant" : "Open the assistant"}</span>
      </button>
    </>
  );
}
