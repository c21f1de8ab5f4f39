"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { isAbort, messageOf } from "@/lib/http";
import { PAGE_MAX, PAGE_SIZE, type Task, type TaskFilters, type TasksApi } from "@/lib/tasks";

type ListState = {
  items: Task[];
  nextCursor: string | null;
  status: "loading" | "ready" | "error";
  error: string | null;
  loadingMore: boolean;
  loadMoreError: string | null;
};

const INITIAL: ListState = {
  items: [],
  nextCursor: null,
  status: "loading",
  error: null,
  loadingMore: false,
  loadMoreError: null,
};

/**
 * The task list for a set of filters, cursor-paginated. `refresh()` re-reads what is on screen
 * (as many tasks as are shown) without a loading state: the chat calls it when tasks changed.
 * Only the newest request's answer is used; older ones are aborted.
 */
export function useTaskList(api: TasksApi, filters: TaskFilters, pageSize = PAGE_SIZE) {
  const [state, setState] = useState<ListState>(INITIAL);
  const controller = useRef<AbortController | null>(null);
  const shown = useRef(0);
  shown.current = state.items.length;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fetchFirst = useCallback(
    async (mode: "reload" | "refresh") => {
      controller.current?.abort();
      const ctrl = new AbortController();
      controller.current = ctrl;
      const limit = mode === "refresh" ? Math.min(Math.max(shown.current, pageSize), PAGE_MAX) : pageSize;
      if (mode === "reload") setState((s) => ({ ...s, status: "loading", error: null }));
      try {
        const page = await api.list(filtersRef.current, limit, null, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setState({
          items: page.items,
          nextCursor: page.next_cursor,
          status: "ready",
          error: null,
          loadingMore: false,
          loadMoreError: null,
        });
      } catch (error) {
        if (isAbort(error) || ctrl.signal.aborted) return;
        setState((s) =>
          mode === "refresh" && s.status === "ready"
            ? { ...s, loadMoreError: `Could not refresh the list: ${messageOf(error)}` }
            : { ...s, status: "error", error: messageOf(error), loadingMore: false },
        );
      }
    },
    [api, pageSize],
  );

  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    void fetchFirst("reload");
  }, [fetchFirst, filtersKey]);

  useEffect(() => () => controller.current?.abort(), []);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const ctrl = controller.current;
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }));
    try {
      const page = await api.list(filtersRef.current, pageSize, cursor);
      // A reload or refresh started meanwhile: its answer wins.
      if (controller.current !== ctrl) return;
      setState((s) => {
        const seen = new Set(s.items.map((t) => t.id));
        return {
          ...s,
          items: [...s.items, ...page.items.filter((t) => !seen.has(t.id))],
          nextCursor: page.next_cursor,
          loadingMore: false,
        };
      });
    } catch (error) {
      if (controller.current !== ctrl) return;
      setState((s) => ({ ...s, loadingMore: false, loadMoreError: messageOf(error) }));
    }
  }, [api, pageSize, state.nextCursor, state.loadingMore]);

  /** Change one task on screen at once (optimistic), before the server confirms. */
  const patchLocal = useCallback((id: number, change: Partial<Task> | null) => {
    setState((s) => ({
      ...s,
      items:
        change === null
          ? s.items.filter((t) => t.id !== id)
          : s.items.map((t) => (t.id === id ? { ...t, ...change } : t)),
    }));
  }, []);

  const reload = useCallback(() => fetchFirst("reload"), [fetchFirst]);
  const refresh = useCallback(() => fetchFirst("refresh"), [fetchFirst]);

  return { ...state, reload, refresh, loadMore, patchLocal };
}
