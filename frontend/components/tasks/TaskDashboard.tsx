"use client";

import { useCallback, useEffect, useState } from "react";

import { ApiError } from "@/lib/http";
import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  tasksApi,
  type Task,
  type TaskFilters,
  type TaskInput,
  type TaskPatch,
  type TasksApi,
} from "@/lib/tasks";

import { TaskAddForm } from "./TaskAddForm";
import { TaskFiltersBar } from "./TaskFiltersBar";
import { TaskRow } from "./TaskRow";
import { offerUndo } from "./undoToast";
import { useTaskList } from "./useTaskList";

type Props = {
  /** Bumped by the chat when the assistant changed tasks: the list re-reads at once. */
  refreshToken?: number;
  api?: TasksApi;
};

export function TaskDashboard({ refreshToken = 0, api = tasksApi }: Props) {
  const [filters, setFilters] = useState<TaskFilters>(DEFAULT_FILTERS);
  const list = useTaskList(api, filters);
  const [announcement, setAnnouncement] = useState("");
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const { refresh, patchLocal } = list;

  useEffect(() => {
    if (refreshToken > 0) void refresh();
  }, [refreshToken, refresh]);

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
      patchLocal(task.id, { completed });
      try {
        await api.update(task.id, { completed }, offerUndo(`${completed ? "Completed" : "Reopened"} '${task.title}'`, refresh));
        setAnnouncement(completed ? `Marked “${task.title}” as done` : `Reopened “${task.title}”`);
      } catch (error) {
        patchLocal(task.id, { completed: task.completed });
        if (error instanceof ApiError && error.status === 404) {
          patchLocal(task.id, null);
          throw new ApiError(404, "This task no longer exists.");
        }
        throw error;
      }
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

  const filtered = hasActiveFilters(filters);

  return (
    <div className="flex flex-col gap-4">
      <TaskAddForm onAdd={add} />
      <TaskFiltersBar filters={filters} onChange={setFilters} knownTags={knownTags} />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {list.status === "loading" && (
        <ul aria-busy="true" aria-label="Loading tasks" className="flex flex-col gap-2">
          {[0, 1, 2].map((i) => (
            <li key={i} className="h-14 animate-pulse rounded-xl border border-slate-200 bg-slate-100" />
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
                onClick={() => setFilters({ ...DEFAULT_FILTERS, sort: filters.sort })}
                className="btn btn-ghost mt-2"
              >
                Clear filters
              </button>
            </>
          ) : (
            <>
              <p className="font-medium text-slate-800">No tasks yet.</p>
              <p className="text-sm">Add one above, or ask the assistant: “remind me to call mom tomorrow”.</p>
            </>
          )}
        </div>
      )}

      {list.status === "ready" && list.items.length > 0 && (
        <ul aria-label="Tasks" className="flex flex-col gap-2">
          {list.items.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              onToggle={toggle}
              onSave={save}
              onDelete={remove}
              onTagClick={(tag) => setFilters((f) => ({ ...f, tag }))}
            />
          ))}
        </ul>
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
    </div>
  );
}
