"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { describeDue } from "@/lib/dates";
import { messageOf } from "@/lib/http";
import { parseTags, type Priority, type Task, type TaskPatch } from "@/lib/tasks";

type Props = {
  task: Task;
  onToggle: (task: Task) => Promise<void>;
  onSave: (task: Task, patch: TaskPatch) => Promise<void>;
  onDelete: (task: Task) => Promise<void>;
  onTagClick: (tag: string) => void;
};

const PRIORITY_STYLE: Record<Priority, string> = {
  high: "bg-red-50 text-red-800 ring-red-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  low: "bg-slate-50 text-slate-700 ring-slate-200",
};

const DUE_STYLE = {
  overdue: "text-red-700 font-medium",
  today: "text-indigo-700 font-medium",
  soon: "text-slate-700",
  later: "text-slate-600",
};

type Mode = "view" | "edit" | "confirm-delete";

export function TaskRow({ task, onToggle, onSave, onDelete, onTagClick }: Props) {
  const [mode, setMode] = useState<Mode>("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<"edit" | "delete" | null>(null);

  useEffect(() => {
    if (mode !== "view" || !returnFocus.current) return;
    (returnFocus.current === "edit" ? editButton : deleteButton).current?.focus();
    returnFocus.current = null;
  }, [mode]);

  function leave(focus: "edit" | "delete") {
    returnFocus.current = focus;
    setMode("view");
    setError(null);
  }

  async function run(action: () => Promise<void>, after?: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after?.();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const due = task.due_date ? describeDue(task.due_date) : null;

  return (
    <li
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      className="group rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-sm sm:px-4"
    >
      {mode === "edit" ? (
        <TaskEditor
          task={task}
          busy={busy}
          onCancel={() => leave("edit")}
          onSave={(patch) => run(() => onSave(task, patch), () => leave("edit"))}
        />
      ) : (
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            data-testid="task-toggle"
            checked={task.completed}
            disabled={busy}
            onChange={() => void run(() => onToggle(task))}
            aria-label={task.completed ? `Reopen “${task.title}”` : `Mark “${task.title}” as done`}
            className="mt-1 size-5 shrink-0 cursor-pointer accent-indigo-600"
          />
          <div className="min-w-0 flex-1">
            <p
              className={`break-words ${task.completed ? "text-slate-500 line-through" : "text-slate-900"}`}
            >
              {task.title}
            </p>
            {task.description && (
              <p className="mt-0.5 break-words text-sm text-slate-600">{task.description}</p>
            )}
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
              <span
                className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${PRIORITY_STYLE[task.priority]}`}
              >
                <span className="sr-only">Priority: </span>
                {task.priority}
              </span>
              {due && <span className={DUE_STYLE[due.tone]}>{due.label}</span>}
              {task.tags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  onClick={() => onTagClick(tag)}
                  className="rounded text-indigo-700 hover:underline"
                  aria-label={`Show tasks tagged ${tag}`}
                >
                  #{tag}
                </button>
              ))}
            </div>
          </div>
          {mode === "confirm-delete" ? (
            <div role="group" aria-label={`Delete “${task.title}”?`} className="flex shrink-0 items-center gap-1">
              <span className="hidden text-sm text-slate-700 sm:inline">Delete?</span>
              <button
                type="button"
                autoFocus
                disabled={busy}
                onClick={() => void run(() => onDelete(task))}
                onKeyDown={(e: KeyboardEvent) => e.key === "Escape" && leave("delete")}
                className="btn btn-danger btn-sm"
              >
                {busy ? "Deleting…" : "Delete"}
              </button>
              <button
                type="button"
                onClick={() => leave("delete")}
                onKeyDown={(e: KeyboardEvent) => e.key === "Escape" && leave("delete")}
                className="btn btn-ghost btn-sm"
              >
                Cancel
              </button>
            </div>
          ) : (
            <div className="flex shrink-0 items-center gap-1">
              <button
                ref={editButton}
                type="button"
                onClick={() => setMode("edit")}
                aria-label={`Edit “${task.title}”`}
                className="btn btn-ghost btn-sm"
              >
                Edit
              </button>
              <button
                ref={deleteButton}
                type="button"
                onClick={() => setMode("confirm-delete")}
                aria-label={`Delete “${task.title}”`}
                className="btn btn-ghost btn-sm text-red-700"
              >
                Delete
              </button>
            </div>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

function TaskEditor({
  task,
  busy,
  onSave,
  onCancel,
}: {
  task: Task;
  busy: boolean;
  onSave: (patch: TaskPatch) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(task.title);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [due, setDue] = useState(task.due_date ?? "");
  const [tags, setTags] = useState(task.tags.join(", "));
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setProblem("The title cannot be empty.");
      return;
    }
    const patch: TaskPatch = {};
    if (title.trim() !== task.title) patch.title = title.trim();
    if (priority !== task.priority) patch.priority = priority;
    if ((due || null) !== task.due_date) patch.due_date = due || null;
    const newTags = parseTags(tags);
    if (newTags.join(",") !== task.tags.join(",")) patch.tags = newTags;
    if (Object.keys(patch).length === 0) {
      onCancel();
      return;
    }
    void onSave(patch);
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      aria-label={`Edit “${task.title}”`}
      className="flex flex-col gap-2"
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          className="input"
        />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-[auto_auto_1fr]">
        <label className="field">
          <span className="field-label">Priority</span>
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className="input">
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Due date</span>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} className="input" />
        </label>
        <label className="field col-span-2 sm:col-span-1">
          <span className="field-label">Tags</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} className="input" />
        </label>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="btn btn-ghost btn-sm">
          Cancel
        </button>
        <button type="submit" disabled={busy} className="btn btn-primary btn-sm">
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
