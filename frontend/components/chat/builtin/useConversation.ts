"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

import { ChatHttpError, chatClient, type ChatClient } from "@/lib/chatkit/client";
import { applyEvent, EMPTY, lastUserItemId, prependOlder, type Conversation } from "@/lib/chatkit/conversation";
import { TASKS_CHANGED_EFFECT, type ActionConfig, type ThreadStreamEvent } from "@/lib/chatkit/protocol";
import { isAbort } from "@/lib/http";

/** Items per items.list page: enough to fill a tall window; hidden items count too. */
export const ITEMS_PAGE = 30;

type Options = {
  /** The conversation to show (null: a new one). Changing it opens that conversation. */
  threadId: string | null;
  onThreadChange: (threadId: string | null) => void;
  onTitle?: (title: string | null) => void;
  onTasksChanged?: () => void;
  /** A reply finished (or stopped): the history list re-reads. */
  onReplyEnd?: () => void;
  client?: ChatClient;
};

export type Status = "idle" | "opening" | "streaming";

/** A failure before any reply: the message was not taken (the draft goes back in the composer). */
export function describeHttpError(error: ChatHttpError): string {
  if (error.status === 429) {
    const wait = error.retryAfter;
    return wait
      ? `You are sending messages too quickly. Try again in ${wait} second${wait === 1 ? "" : "s"}.`
      : "You are sending messages too quickly. Try again in a moment.";
  }
  if (error.status === 413 || error.status === 422) return `Your message was not sent: ${error.detail}`;
  if (error.status === 404) return "This conversation no longer exists.";
  return error.detail;
}

const LOST = { message: "The connection was lost before the reply finished.", allowRetry: true };

/** Why a widget's action failed, in words for the person who clicked. */
function describeActionError(error: unknown): string {
  if (error instanceof ChatHttpError) return error.status === 429 ? describeHttpError(error) : error.detail;
  return "The connection was lost; reload to see whether it was done.";
}

export function useConversation({ threadId, onThreadChange, onTitle, onTasksChanged, onReplyEnd, client = chatClient }: Options) {
  const [state, setState] = useState<Conversation>(EMPTY);
  const [status, setStatus] = useState<Status>("idle");
  const [pending, setPending] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [older, setOlder] = useState<{ after: string | null; hasMore: boolean; loading: boolean }>({
    after: null,
    hasMore: false,
    loading: false,
  });
  const stateRef = useRef(state);
  const abortRef = useRef<AbortController | null>(null);
  /** Widget actions in flight (several may run at once, besides a reply). */
  const actionsRef = useRef(new Set<AbortController>());
  const callbacks = useRef({ onThreadChange, onTitle, onTasksChanged, onReplyEnd });
  useLayoutEffect(() => {
    stateRef.current = state;
    callbacks.current = { onThreadChange, onTitle, onTasksChanged, onReplyEnd };
  });

  const abort = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
  }, []);
  const abortActions = useCallback(() => {
    actionsRef.current.forEach((c) => c.abort());
    actionsRef.current.clear();
  }, []);

  // Open the asked-for conversation at its newest items (unless it is the one already shown).
  // The id comes from outside (history, URL, a new thread): resetting here is the point.
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    if (threadId === stateRef.current.threadId) return;
    abort();
    abortActions();
    setPending(null);
    setNotice(null);
    setState({ ...EMPTY, threadId });
    setOlder({ after: null, hasMore: false, loading: false });
    if (!threadId) {
      setStatus("idle");
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setStatus("opening");
    client.listItemsNewestFirst(threadId, ITEMS_PAGE, null, controller.signal).then(
      (page) => {
        setState((s) => prependOlder(s, page.data ?? []));
        setOlder({ after: page.after ?? null, hasMore: page.has_more ?? false, loading: false });
        setStatus("idle");
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        setStatus("idle");
        if (error instanceof ChatHttpError && error.status === 404) {
          callbacks.current.onThreadChange(null); // gone (deleted elsewhere): start afresh
          return;
        }
        setNotice(error instanceof ChatHttpError ? describeHttpError(error) : "Could not load this conversation.");
      },
    );
  }, [threadId, client, abort, abortActions]);
  /* eslint-enable react-hooks/set-state-in-effect */

  useEffect(
    () => () => {
      abort();
      abortActions();
    },
    [abort, abortActions],
  );

  const loadOlder = useCallback(async () => {
    const id = stateRef.current.threadId;
    if (!id || !older.hasMore || older.loading) return;
    setOlder((o) => ({ ...o, loading: true }));
    try {
      const page = await client.listItemsNewestFirst(id, ITEMS_PAGE, older.after);
      if (stateRef.current.threadId !== id) return;
      setState((s) => prependOlder(s, page.data ?? []));
      setOlder({ after: page.after ?? null, hasMore: page.has_more ?? false, loading: false });
    } catch {
      setOlder((o) => ({ ...o, loading: false, hasMore: false }));
    }
  }, [client, older]);

  /** Runs one streamed reply; resolves false when the server refused the request outright. */
  const run = useCallback(
    async (start: (signal: AbortSignal) => AsyncGenerator<ThreadStreamEvent>): Promise<boolean> => {
      abort();
      const controller = new AbortController();
      abortRef.current = controller;
      setStatus("streaming");
      setNotice(null);
      setState((s) => ({ ...s, error: null, progress: null }));
      let accepted = false;
      try {
        for await (const event of start(controller.signal)) {
          accepted = true;
          if (event.type === "thread.item.done" && event.item.type === "user_message") setPending(null);
          setState((s) => applyEvent(s, event));
          if (event.type === "thread.created") callbacks.current.onThreadChange(event.thread.id);
          if (event.type === "thread.created" || event.type === "thread.updated") {
            callbacks.current.onTitle?.(event.thread.title ?? null);
          }
          if (event.type === "client_effect" && event.name === TASKS_CHANGED_EFFECT) {
            callbacks.current.onTasksChanged?.();
          }
        }
        return true;
      } catch (error) {
        if (isAbort(error)) return true; // Stop: the server keeps what was said so far
        if (error instanceof ChatHttpError) {
          setNotice(describeHttpError(error));
          return false;
        }
        setState((s) => ({ ...s, progress: null, error: LOST }));
        return accepted;
      } finally {
        setPending(null);
        if (abortRef.current === controller) {
          abortRef.current = null;
          setStatus("idle");
          setState((s) => ({ ...s, progress: null }));
          if (accepted) {
            callbacks.current.onReplyEnd?.();
            callbacks.current.onTasksChanged?.();
          }
        }
      }
    },
    [abort],
  );

  const send = useCallback(
    (text: string) => {
      setPending(text);
      const id = stateRef.current.threadId;
      return run((signal) => (id ? client.addMessage(id, text, signal) : client.createThread(text, signal)));
    },
    [client, run],
  );

  const retry = useCallback(() => {
    const { threadId: id, items } = stateRef.current;
    const itemId = lastUserItemId(items);
    if (!id || !itemId) return;
    void run((signal) => client.retryAfterItem(id, itemId, signal));
  }, [client, run]);

  /**
   * A widget's action, sent as its item's: the events redraw the widget in place (or add items),
   * `tasks.changed` refreshes the dashboard. Resolves with the error to show beside the widget,
   * or null when it went through. It runs beside a streaming reply, without stopping it.
   */
  const act = useCallback(
    async (itemId: string, action: ActionConfig): Promise<string | null> => {
      const id = stateRef.current.threadId;
      if (!id) return "This conversation is not open any more.";
      const controller = new AbortController();
      actionsRef.current.add(controller);
      try {
        const events = client.customAction(id, itemId, { type: action.type, payload: action.payload ?? {} }, controller.signal);
        for await (const event of events) {
          if (event.type === "error") return event.message || "That did not work. Please try again.";
          setState((s) => applyEvent(s, event));
          if (event.type === "client_effect" && event.name === TASKS_CHANGED_EFFECT) callbacks.current.onTasksChanged?.();
        }
        return null;
      } catch (error) {
        return isAbort(error) ? null : describeActionError(error);
      } finally {
        actionsRef.current.delete(controller);
      }
    },
    [client],
  );

  return {
    conversation: state,
    act,
    status,
    pending,
    notice,
    hasOlder: older.hasMore,
    loadingOlder: older.loading,
    loadOlder,
    send,
    /** Stop the reply: the stream's own cleanup (above) sets the status back. */
    stop: useCallback(() => abortRef.current?.abort(), []),
    retry,
  };
}
