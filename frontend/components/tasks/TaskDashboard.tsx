"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { ChevronIcon } from "@/components/icons";
import { shortDue } from "@/lib/dates";
import { ApiError, timeZone } from "@/lib/http";
import { SECTIONS, sectionTasks, type SectionId } from "@/lib/sections";
import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  PAGE_MAX,
  prefetchTasks,
  tasksApi,
  type Task,
  type TaskFilters,
  type TaskInput,
  type TaskPatch,
  type TasksApi,
} from "@/lib/tasks";

import { KeyboardShortcuts, useShortcuts } from "./KeyboardShortcuts";
import { TaskAddForm } from "./TaskAddForm";
import { TaskFiltersBar } from "./TaskFiltersBar";
import { TaskRow, type RowMode } from "./TaskRow";
import { offerUndo } from "./undoToast";
import { useTaskList } from "./useTaskList";

type Props = {
  /** Bumped by the chat when the assistant changed tasks: the list re-reads at once. */
  refreshToken?: number;
  api?: TasksApi;
};

/** Sections are whole: the dashboard reads up to PAGE_MAX tasks a page. */
const DASHBOARD_PAGE = PAGE_MAX;
const INITIAL_FILTERS: TaskFilters = { ...DEFAULT_FILTERS, sort: "due" };

// The first page is asked for while the page is still starting (a cold load's biggest wait).
prefetchTasks(INITIAL_FILTERS, DASHBOARD_PAGE);

/**
 * Focus a control of a task's row once React has drawn it (after toggling, a repeating task may
 * have moved to another section; after editing, the row is drawn anew). Tried for a few frames.
 */
type FocusAction = "toggle" | "edit" | "delete";
/** The task control focus was last sent to: a re-read that re-mounts the row (a repeating task
 * moving to another section) gives it back, instead of leaving the focus on the page. */
let focusWanted: { id: number; action: FocusAction; at: number } | null = null;
const FOCUS_KEPT_MS = 3000;

function focusTask(id: number, action: FocusAction = "toggle", frames = 10) {
  focusWanted = { id, action, at: Date.now() };
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`[data-testid="task-item"][data-task-id="${id}"]`);
    const wanted =
      action === "toggle"
        ? row?.querySelector<HTMLElement>('[data-testid="task-toggle"]')
        : row?.querySelector<HTMLElement>(`[data-row-action="${action}"]`);
    // On phones the hover buttons are hidden: the row's menu button is the way back.
    const target =
      wanted && getComputedStyle(wanted).display !== "none" ? wanted : row?.querySelector<HTMLElement>("[aria-haspopup=menu]");
    target?.focus();
    if (document.activeElement !== target && frames > 0) focusTask(id, action, frames - 1);
  });
}

export function TaskDashboard({ refreshToken = 0, api = tasksApi }: Props) {
  const [filters, setFilters] = useState<TaskFilters>(INITIAL_FILTERS);
  const list = useTaskList(api, filters, DASHBOARD_PAGE);
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (focusWanted && lost && Date.now() - focusWanted.at < FOCUS_KEPT_MS) {
      focusTask(focusWanted.id, focusWanted.action);
    }
  }, [list.items]);
  const [announcement, setAnnouncement] = useState("");
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [modes, setModes] = useState<{ id: number; mode: RowMode } | null>(null);
  // Tasks completed here a moment ago stay in place (struck through) until the view changes.
  const [stayPut, setStayPut] = useState<ReadonlySet<number>>(new Set());
  const [completedOpen, setCompletedOpen] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const quickAdd = useRef<HTMLInputElement>(null);
  const { refresh, patchLocal } = list;

  useEffect(() => {
    if (refreshToken > 0) void refresh();
  }, [refreshToken, refresh]);

  // "Overdue" moves with the clock: re-section every minute.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const changeFilters = useCallback((next: TaskFilters) => {
    setStayPut(new Set());
    setFilters(next);
  }, []);

  // Tags offered in the filter: every tag seen so far, so filtering by one keeps the others.
  const newTags = list.items.flatMap((t) => t.tags).filter((tag) => !knownTags.includes(tag));
  if (newTags.length > 0) setKnownTags([...new Set([...knownTags, ...newTags])]);

  const add = useCallback(
    async (input: TaskInput) => {
      const task = await api.create(input);
      setAnnouncement(`Added “${task.title}”`);
      await refresh();
    },
    [api, refresh],
  );

  const toggle = useCallback(
    async (task: Task) => {
      const completed = !task.completed;
      const keep = (on: boolean) =>
        setStayPut((s) => (on ? new Set([...s, task.id]) : new Set([...s].filter((id) => id !== task.id))));
      if (completed) keep(true); // the row stays where it is (with its state) while the server answers
      patchLocal(task.id, { completed });
      let updated: Task;
      try {
        updated = await api.update(
          task.id,
          { completed },
          offerUndo(`${completed ? "Completed" : "Reopened"} '${task.title}'`, refresh),
        );
      } catch (error) {
        if (completed) keep(false);
        patchLocal(task.id, { completed: task.completed });
        if (error instanceof ApiError && error.status === 404) {
          patchLocal(task.id, null);
          throw new ApiError(404, "This task no longer exists.");
        }
        throw error;
      }
      patchLocal(task.id, updated);
      if (!updated.completed) keep(false); // reopened, or a repeating task moved to its next date
      setAnnouncement(
        completed && !updated.completed && updated.due_date
          ? `Done; “${task.title}” repeats, next: ${shortDue(updated.due_date).label}`
          : completed
            ? `Marked “${task.title}” as done`
            : `Reopened “${task.title}”`,
      );
      void refresh();
    },
    [api, patchLocal, refresh],
  );

  const save = useCallback(
    async (task: Task, patch: TaskPatch) => {
      const updated = await api.update(task.id, patch);
      patchLocal(task.id, updated);
      setAnnouncement(`Saved “${updated.title}”`);
      void refresh();
    },
    [api, patchLocal, refresh],
  );

  const remove = useCallback(
    async (task: Task) => {
      try {
        await api.remove(task.id, offerUndo(`Deleted '${task.title}'`, refresh));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
      patchLocal(task.id, null);
      setAnnouncement(`Deleted “${task.title}”`);
      void refresh();
    },
    [api, patchLocal, refresh],
  );

  const modesRef = useRef(modes);
  useEffect(() => {
    modesRef.current = modes;
  }, [modes]);
  const setMode = useCallback((task: Task, mode: RowMode) => {
    const current = modesRef.current;
    // Back to the row's view: focus returns to the control that opened the editor.
    if (mode === "view" && current?.id === task.id) {
      focusTask(task.id, current.mode === "edit" ? "edit" : current.mode === "confirm-delete" ? "delete" : "toggle");
    }
    setModes(mode === "view" ? null : { id: task.id, mode });
  }, []);

  const onToggle = useCallback(
    async (task: Task) => {
      await toggle(task);
      focusTask(task.id);
    },
    [toggle],
  );

  const onDelete = useCallback(
    async (task: Task) => {
      // Focus moves to the next task (or the one before) as the row goes away.
      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="task-item"]')];
      const at = rows.findIndex((r) => r.dataset.taskId === String(task.id));
      const neighbour = rows[at + 1] ?? rows[at - 1];
      await remove(task);
      setModes(null);
      if (neighbour) focusTask(Number(neighbour.dataset.taskId));
      else quickAdd.current?.focus();
    },
    [remove],
  );

  const byId = useMemo(() => new Map(list.items.map((t) => [t.id, t])), [list.items]);
  const { listRef, dialogRef, open: openShortcuts } = useShortcuts({
    quickAdd: () => quickAdd.current?.focus(),
    act: (id, action) => {
      const task = byId.get(id);
      if (!task) return;
      if (action === "edit") setMode(task, "edit");
      else if (action === "delete") setMode(task, "confirm-delete");
    },
  });

  const zone = timeZone();
  const sections = useMemo(
    () => sectionTasks(list.items, now, zone, filters.sort, stayPut),
    [list.items, now, zone, filters.sort, stayPut],
  );

  const filtered = hasActiveFilters(filters);
  // With filters on, only sections with tasks (a task reopened under "Done" stays until re-read).
  const shown: SectionId[] = SECTIONS.map((s) => s.id).filter((id) =>
    id === "completed" ? filters.status !== "pending" : !filtered || sections[id].length > 0,
  );
  const completedExpanded = completedOpen || filters.status === "completed";
  const todayLabel = now.toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" });

  const row = (task: Task) => (
    <TaskRow
      key={task.id}
      task={task}
      mode={modes?.id === task.id ? modes.mode : "view"}
      onMode={setMode}
      onToggle={onToggle}
      onSave={save}
      onDelete={onDelete}
      onTagClick={(tag) => changeFilters({ ...filters, tag })}
    />
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2">
        <h1 className="mr-auto text-xl font-bold text-slate-900 sm:text-2xl">Tasks</h1>
        <button
          type="button"
          onClick={openShortcuts}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          className="btn btn-ghost btn-sm hidden border border-slate-200 bg-white sm:inline-flex"
        >
          <kbd className="font-sans">?</kbd>
        </button>
        <TaskFiltersBar filters={filters} onChange={changeFilters} knownTags={knownTags} />
      </div>
      <TaskAddForm ref={quickAdd} onAdd={add} parse={api.parse} />
      {filtered && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>Filtered view.</span>
          <button
            type="button"
            onClick={() => changeFilters({ ...DEFAULT_FILTERS, sort: filters.sort })}
            className="rounded text-indigo-700 underline-offset-2 hover:underline"
          >
            Clear filters
          </button>
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {list.status === "loading" && (
        <ul aria-busy="true" aria-label="Loading tasks" className="flex flex-col gap-2">
          {[0, 1, 2].map((i) => (
            <li key={i} className="h-11 animate-pulse rounded-lg bg-slate-200/60" />
          ))}
        </ul>
      )}

      {list.status === "error" && (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-800">
          <p className="font-medium">Your tasks could not be loaded.</p>
          <p className="text-sm">{list.error}</p>
          <button type="button" onClick={() => void list.reload()} className="btn btn-ghost mt-2">
            Try again
          </button>
        </div>
      )}

      {list.status === "ready" && list.items.length === 0 && (
        <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
          {filtered ? (
            <>
              <p>No tasks match these filters.</p>
              <button
                type="button"
                onClick={() => changeFilters({ ...DEFAULT_FILTERS, sort: filters.sort })}
                className="btn btn-ghost mt-2"
              >
                Clear filters
              </button>
            </>
          ) : (
            <>
              <p className="font-medium text-slate-800">No tasks yet.</p>
              <p className="text-sm">
                Type one above (“pay rent on the 1st of every month #home”), or ask the assistant.
              </p>
            </>
          )}
        </div>
      )}

      {list.status === "ready" && list.items.length > 0 && (
        <div ref={listRef} className="flex flex-col gap-4">
          {shown.map((id) => {
            const meta = SECTIONS.find((s) => s.id === id)!;
            const items = sections[id];
            const headingId = `section-${id}`;
            if (id === "completed") {
              return (
                <section key={id} aria-labelledby={headingId} data-section={id}>
                  <h2 id={headingId} className="section-title">
                    <button
                      type="button"
                      onClick={() => setCompletedOpen((o) => !o)}
                      aria-expanded={completedExpanded}
                      aria-controls="completed-list"
                      className="inline-flex items-center gap-1 rounded hover:text-slate-900"
                    >
                      <ChevronIcon className={`transition-transform ${completedExpanded ? "rotate-90" : ""}`} />
                      Completed
                      <span className="section-count">{items.length}</span>
                    </button>
                  </h2>
                  <div id="completed-list" hidden={!completedExpanded}>
                    {items.length === 0 ? (
                      <p className="section-empty">{meta.empty}</p>
                    ) : (
                      <ul aria-label="Completed" className="task-list">
                        {items.map(row)}
                      </ul>
                    )}
                  </div>
                </section>
              );
            }
            return (
              <section key={id} aria-labelledby={headingId} data-section={id}>
                <h2 id={headingId} className={`section-title ${id === "overdue" && items.length ? "text-red-700" : ""}`}>
                  {meta.title}
                  {id === "today" && <span className="font-normal text-slate-500"> · {todayLabel}</span>}
                  {items.length > 0 && <span className="section-count">{items.length}</span>}
                </h2>
                {items.length === 0 ? (
                  <p className="section-empty">{meta.empty}</p>
                ) : (
                  <ul aria-label={meta.title} className="task-list">
                    {items.map(row)}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}

      {list.loadMoreError && (
        <p role="alert" className="text-sm text-red-700">
          {list.loadMoreError}
        </p>
      )}
      {list.status === "ready" && list.nextCursor && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          disabled={list.loadingMore}
          className="btn btn-ghost self-center"
        >
          {list.loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
      <KeyboardShortcuts ref={dialogRef} />
    </div>
  );
}
