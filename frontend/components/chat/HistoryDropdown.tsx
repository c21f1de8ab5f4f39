"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";

import { HistoryIcon, PencilIcon, PlusIcon, TrashIcon } from "@/components/icons";
import { groupByAge, parseServerTime } from "@/lib/dates";
import { messageOf } from "@/lib/http";
import { threadsApi, type ThreadSummary, type ThreadsApi } from "@/lib/threads";

export const HISTORY_PAGE = 20;
const HISTORY_MAX = 100;
export const UNTITLED = "Untitled conversation";

type Props = {
  /** The conversation open in the chat next to this dropdown (marked in the list). */
  currentThreadId: string | null;
  /** Bumped on thread change and at the end of every reply: the list re-reads. */
  refreshToken?: number;
  onSelect: (threadId: string) => void;
  onNewChat: () => void;
  /** Reports the current conversation's title (for the chat header). */
  onCurrentTitle?: (title: string | null) => void;
  disabled?: boolean;
  api?: ThreadsApi;
  now?: () => Date;
};

export function titleOf(thread: ThreadSummary): string {
  return thread.title?.trim() || UNTITLED;
}

export function HistoryDropdown({
  currentThreadId,
  refreshToken = 0,
  onSelect,
  onNewChat,
  onCurrentTitle,
  disabled = false,
  api = threadsApi,
  now = () => new Date(),
}: Props) {
  const [open, setOpen] = useState(false);
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; value: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const loaded = useRef(0);
  const requestSeq = useRef(0);
  const panelId = useId();

  const load = useCallback(async () => {
    const seq = ++requestSeq.current;
    try {
      const limit = Math.min(Math.max(loaded.current, HISTORY_PAGE), HISTORY_MAX);
      const page = await api.list(limit);
      if (seq !== requestSeq.current) return;
      loaded.current = page.data.length;
      setThreads(page.data);
      setHasMore(page.has_more);
      setStatus("ready");
      setError(null);
    } catch (err) {
      if (seq !== requestSeq.current) return;
      setError(messageOf(err));
      setStatus("error");
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, refreshToken]);

  const current = threads.find((t) => t.id === currentThreadId);
  const currentTitle = currentThreadId ? (current ? titleOf(current) : null) : null;
  useEffect(() => {
    onCurrentTitle?.(currentTitle);
  }, [currentTitle, onCurrentTitle]);

  const close = useCallback((returnFocus = true) => {
    setOpen(false);
    setRenaming(null);
    setConfirmDelete(null);
    setActionError(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // Close on a click outside.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, close]);

  // Focus the first control when the panel opens.
  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>("button, input")?.focus();
  }, [open]);

  async function loadMore() {
    const last = threads[threads.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const page = await api.list(HISTORY_PAGE, last.id);
      setThreads((ts) => {
        const seen = new Set(ts.map((t) => t.id));
        const merged = [...ts, ...page.data.filter((t) => !seen.has(t.id))];
        loaded.current = merged.length;
        return merged;
      });
      setHasMore(page.has_more);
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setLoadingMore(false);
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming) return;
    const title = renaming.value.trim();
    if (!title) {
      setActionError("A title cannot be empty.");
      return;
    }
    setBusy(true);
    setActionError(null);
    try {
      await api.rename(renaming.id, title);
      setThreads((ts) => ts.map((t) => (t.id === renaming.id ? { ...t, title } : t)));
      setRenaming(null);
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(threadId: string) {
    setBusy(true);
    setActionError(null);
    try {
      await api.remove(threadId);
      setThreads((ts) => ts.filter((t) => t.id !== threadId));
      loaded.current = Math.max(0, loaded.current - 1);
      setConfirmDelete(null);
      if (threadId === currentThreadId) onNewChat();
      // The list stays open (to delete another); focus goes back to its top.
      panelRef.current?.querySelector<HTMLElement>("button")?.focus();
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const groups = groupByAge(threads, (t) => parseServerTime(t.created_at), now());

  return (
    // Not positioned itself: the panel is placed in the chat panel around it (ChatSurface), so
    // it stays inside a narrow floating widget instead of hanging off its left edge.
    <div ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        data-testid="history-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={disabled}
        onClick={() => (open ? close() : setOpen(true))}
        className="btn btn-ghost btn-sm"
      >
        <HistoryIcon /> History
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Conversation history"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              if (renaming) setRenaming(null);
              else if (confirmDelete) setConfirmDelete(null);
              else close();
            }
          }}
          className="absolute right-2 top-[3.25rem] z-30 flex max-h-[calc(100%-4rem)] w-[min(22rem,calc(100%-1rem))] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white text-left shadow-xl"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-800">Conversations</h2>
            <button
              type="button"
              data-testid="new-chat"
              onClick={() => {
                onNewChat();
                close();
              }}
              className="btn btn-primary btn-sm"
            >
              <PlusIcon /> New chat
            </button>
          </div>
          <div className="overflow-y-auto px-1 py-1">
            {status === "loading" && <p className="px-3 py-2 text-sm text-slate-600">Loading conversations…</p>}
            {status === "error" && (
              <div role="alert" className="px-3 py-2 text-sm text-red-700">
                <p>Could not load your conversations: {error}</p>
                <button
                  type="button"
                  onClick={() => {
                    setStatus("loading");
                    void load();
                  }}
                  className="btn btn-ghost btn-sm mt-1"
                >
                  Try again
                </button>
              </div>
            )}
            {status === "ready" && threads.length === 0 && (
              <p className="px-3 py-2 text-sm text-slate-600">No conversations yet. Ask the assistant something!</p>
            )}
            {groups.map((group) => (
              <section key={group.label} aria-label={group.label} className="py-1">
                <h3 className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {group.label}
                </h3>
                <ul>
                  {group.items.map((thread) => {
                    const title = titleOf(thread);
                    const isCurrent = thread.id === currentThreadId;
                    if (renaming?.id === thread.id) {
                      return (
                        <li key={thread.id} className="px-2 py-1">
                          <form onSubmit={rename} className="flex gap-1">
                            <label className="sr-only" htmlFor={`${panelId}-rename`}>
                              New title for “{title}”
                            </label>
                            <input
                              id={`${panelId}-rename`}
                              autoFocus
                              value={renaming.value}
                              maxLength={200}
                              onChange={(e) => setRenaming({ id: thread.id, value: e.target.value })}
                              className="input min-w-0 flex-1 py-1 text-sm"
                            />
                            <button type="submit" disabled={busy} className="btn btn-primary btn-sm">
                              Save
                            </button>
                            <button type="button" onClick={() => setRenaming(null)} className="btn btn-ghost btn-sm">
                              Cancel
                            </button>
                          </form>
                        </li>
                      );
                    }
                    if (confirmDelete === thread.id) {
                      return (
                        <li key={thread.id} className="px-2 py-1">
                          <div role="group" aria-label={`Delete “${title}”?`} className="rounded-lg bg-red-50 p-2 text-sm">
                            <p className="text-red-900">
                              Delete “{title}”? This cannot be undone.
                            </p>
                            <div className="mt-1 flex justify-end gap-1">
                              <button
                                type="button"
                                onClick={() => setConfirmDelete(null)}
                                className="btn btn-ghost btn-sm"
                              >
                                Cancel
                              </button>
                              <button
                                type="button"
                                autoFocus
                                disabled={busy}
                                onClick={() => void remove(thread.id)}
                                className="btn btn-danger btn-sm"
                              >
                                {busy ? "Deleting…" : "Delete"}
                              </button>
                            </div>
                          </div>
                        </li>
                      );
                    }
                    return (
                      <li key={thread.id} className="group flex items-center gap-1 rounded-lg px-1 hover:bg-slate-50">
                        <button
                          type="button"
                          data-testid="history-item"
                          data-thread-id={thread.id}
                          data-title={title}
                          aria-current={isCurrent ? "true" : undefined}
                          onClick={() => {
                            onSelect(thread.id);
                            close();
                          }}
                          className={`min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-left text-sm ${
                            isCurrent ? "font-semibold text-indigo-700" : "text-slate-800"
                          }`}
                        >
                          {isCurrent && (
                            <span aria-hidden="true" className="mr-1 text-indigo-600">
                              ●
                            </span>
                          )}
                          {title}
                          {isCurrent && <span className="sr-only"> (current)</span>}
                        </button>
                        <button
                          type="button"
                          aria-label={`Rename “${title}”`}
                          onClick={() => {
                            setActionError(null);
                            setRenaming({ id: thread.id, value: thread.title ?? "" });
                          }}
                          className="btn btn-ghost btn-sm px-1.5"
                        >
                          <PencilIcon />
                        </button>
                        <button
                          type="button"
                          aria-label={`Delete “${title}”`}
                          onClick={() => {
                            setActionError(null);
                            setConfirmDelete(thread.id);
                          }}
                          className="btn btn-ghost btn-sm px-1.5 text-red-700"
                        >
                          <TrashIcon />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
            {actionError && (
              <p role="alert" className="px-3 py-1 text-sm text-red-700">
                {actionError}
              </p>
            )}
            {hasMore && (
              <div className="px-2 py-1">
                <button
                  type="button"
                  onClick={() => void loadMore()}
                  disabled={loadingMore}
                  className="btn btn-ghost btn-sm w-full"
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
