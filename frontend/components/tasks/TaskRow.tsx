"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { CalendarIcon, FlagIcon, PencilIcon, RepeatIcon, TrashIcon } from "@/components/icons";
import { shortDue } from "@/lib/dates";
import { messageOf } from "@/lib/http";
import { formatTime } from "@/lib/quickAdd";
import { parseTags, TITLE_MAX, type Priority, type Task, type TaskPatch } from "@/lib/tasks";

import { RowMenu } from "./RowMenu";

export type RowMode = "view" | "edit" | "due" | "confirm-delete";

type Props = {
  task: Task;
  mode: RowMode;
  onMode: (task: Task, mode: RowMode) => void;
  onToggle: (task: Task) => Promise<void>;
  onSave: (task: Task, patch: TaskPatch) => Promise<void>;
  onDelete: (task: Task) => Promise<void>;
  onTagClick: (tag: string) => void;
};

/** Todoist's cue: the checkbox ring carries the priority; medium is the plain one. */
const CHECK_RING: Record<Priority, string> = {
  high: "border-red-500 bg-red-50",
  medium: "border-slate-400",
  low: "border-sky-500 bg-sky-50",
};

const DUE_STYLE = {
  overdue: "text-red-700",
  today: "text-emerald-700",
  soon: "text-violet-700",
  later: "text-slate-600",
};

const PRIORITY_LABEL: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

/** "Tomorrow 5:00 PM", "Overdue · Jun 3": the row's due text. */
function dueText(task: Task): { label: string; tone: keyof typeof DUE_STYLE } | null {
  if (!task.due_date) return null;
  const due = shortDue(task.due_date);
  return { label: task.due_time ? `${due.label} ${formatTime(task.due_time)}` : due.label, tone: due.tone };
}

export function TaskRow({ task, mode, onMode, onToggle, onSave, onDelete, onTagClick }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quoted = `“${task.title}”`;
  const confirmButton = useRef<HTMLButtonElement>(null);

  // Asked from the menu, a button or the Delete key: the confirmation takes the focus.
  useEffect(() => {
    if (mode === "confirm-delete") confirmButton.current?.focus();
  }, [mode]);

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

  const due = dueText(task);
  const leave = () => {
    setError(null);
    onMode(task, "view");
  };

  if (mode === "edit") {
    return (
      <li data-testid="task-item" data-task-id={task.id} data-completed={task.completed} className="task-row px-3 py-3">
        <TaskEditor
          task={task}
          busy={busy}
          onCancel={leave}
          onSave={(patch) => run(() => onSave(task, patch), leave)}
        />
        {error && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </li>
    );
  }

  return (
    <li
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      className="task-row group px-2 py-2 sm:px-3"
    >
      <div className="flex items-start gap-2.5">
        <input
          type="checkbox"
          data-testid="task-toggle"
          checked={task.completed}
          // Not disabled while saving: a disabled box would lose the keyboard focus.
          aria-busy={busy || undefined}
          onChange={() => !busy && void run(() => onToggle(task))}
          aria-label={task.completed ? `Reopen ${quoted}` : `Mark ${quoted} as done`}
          className={`task-check mt-0.5 ${CHECK_RING[task.priority]}`}
        />
        <div className="min-w-0 flex-1">
          <p className={`break-words leading-snug ${task.completed ? "text-slate-500 line-through" : "text-slate-900"}`}>
            {task.title}
          </p>
          {task.description && (
            <p className="mt-0.5 line-clamp-2 break-words text-sm text-slate-600">{task.description}</p>
          )}
          {(due || task.recurrence || task.priority !== "medium" || task.tags.length > 0) && (
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
              {due && (
                <button
                  type="button"
                  onClick={() => onMode(task, "due")}
                  aria-label={`Due ${due.label}; change the due date of ${quoted}`}
                  className={`inline-flex items-center gap-1 rounded hover:underline ${DUE_STYLE[due.tone]}`}
                >
                  <CalendarIcon />
                  {due.label}
                </button>
              )}
              {task.recurrence && (
                <span className="inline-flex items-center gap-1 text-slate-600" data-testid="task-repeat">
                  <RepeatIcon />
                  <span className="sr-only">Repeats </span>
                  {task.recurrence_text || "repeats"}
                </span>
              )}
              {task.priority !== "medium" && (
                <span className={`inline-flex items-center gap-1 ${task.priority === "high" ? "text-red-700" : "text-sky-700"}`}>
                  <FlagIcon />
                  <span className="sr-only">Priority: </span>
                  {PRIORITY_LABEL[task.priority]}
                </span>
              )}
              {task.tags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  onClick={() => onTagClick(tag)}
                  className="rounded text-slate-600 hover:text-indigo-700 hover:underline"
                  aria-label={`Show tasks tagged ${tag}`}
                >
                  #{tag}
                </button>
              ))}
            </div>
          )}
        </div>
        {mode === "confirm-delete" ? (
          <div role="group" aria-label={`Delete ${quoted}?`} className="flex shrink-0 items-center gap-1">
            <span className="hidden text-sm text-slate-700 sm:inline">Delete?</span>
            <button
              ref={confirmButton}
              type="button"
              disabled={busy}
              onClick={() => void run(() => onDelete(task))}
              onKeyDown={(e: KeyboardEvent) => e.key === "Escape" && leave()}
              className="btn btn-danger btn-sm"
            >
              {busy ? "Deleting…" : "Delete"}
            </button>
            <button
              type="button"
              onClick={leave}
              onKeyDown={(e: KeyboardEvent) => e.key === "Escape" && leave()}
              className="btn btn-ghost btn-sm"
            >
              Cancel
            </button>
          </div>
        ) : (
          // Shown on hover and focus where there is a pointer; always on touch screens.
          <div className="row-actions flex shrink-0 items-center">
            <button
              type="button"
              data-row-action="edit"
              onClick={() => onMode(task, "edit")}
              aria-label={`Edit ${quoted}`}
              title="Edit (e)"
              className="icon-btn hidden sm:inline-flex"
            >
              <PencilIcon />
            </button>
            <button
              type="button"
              data-row-action="due"
              onClick={() => onMode(task, "due")}
              aria-label={`Set the due date of ${quoted}`}
              title="Due date"
              className="icon-btn hidden sm:inline-flex"
            >
              <CalendarIcon />
            </button>
            <button
              type="button"
              data-row-action="delete"
              onClick={() => onMode(task, "confirm-delete")}
              aria-label={`Delete ${quoted}`}
              title="Delete (Delete key)"
              className="icon-btn hidden hover:text-red-700 sm:inline-flex"
            >
              <TrashIcon />
            </button>
            <RowMenu
              label={`More actions for ${quoted}`}
              priority={task.priority}
              onEdit={() => onMode(task, "edit")}
              onDue={() => onMode(task, "due")}
              onPriority={(priority) => void run(() => onSave(task, { priority }))}
              onDelete={() => onMode(task, "confirm-delete")}
            />
          </div>
        )}
      </div>
      {mode === "due" && (
        <DuePicker task={task} busy={busy} onCancel={leave} onSave={(patch) => run(() => onSave(task, patch), leave)} />
      )}
      {error && (
        <p role="alert" className="mt-1 pl-8 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

/** Inline date and time pickers under the row. */
function DuePicker({
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
  const [date, setDate] = useState(task.due_date ?? "");
  const [time, setTime] = useState(task.due_time ?? "");
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (time && !date) {
      setProblem("A time needs a date.");
      return;
    }
    void onSave({ due_date: date || null, due_time: date && time ? time : null });
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
      aria-label={`Due date of “${task.title}”`}
      className="mt-2 flex flex-wrap items-end gap-2 pl-8"
    >
      <label className="field">
        <span className="field-label">Date</span>
        <input autoFocus type="date" value={date} onChange={(e) => setDate(e.target.value)} className="input py-1" />
      </label>
      <label className="field">
        <span className="field-label">Time</span>
        <input type="time" value={time} onChange={(e) => setTime(e.target.value)} className="input py-1" />
      </label>
      <div className="flex gap-1">
        <button type="submit" disabled={busy} className="btn btn-primary btn-sm">
          Save
        </button>
        {(task.due_date || date) && (
          <button type="button" disabled={busy} onClick={() => void onSave({ due_date: null, due_time: null, ...(task.recurrence ? { recurrence: null } : {}) })} className="btn btn-ghost btn-sm">
            No date
          </button>
        )}
        <button type="button" onClick={onCancel} className="btn btn-ghost btn-sm">
          Cancel
        </button>
      </div>
      {problem && (
        <p role="alert" className="w-full text-sm text-red-700">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Repeat choices offered in the editor; a rule set elsewhere (the assistant) is kept as it is. */
const REPEATS: { value: string; label: string }[] = [
  { value: "", label: "Does not repeat" },
  { value: "FREQ=DAILY", label: "Every day" },
  { value: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", label: "Every weekday" },
  { value: "FREQ=WEEKLY", label: "Every week" },
  { value: "FREQ=MONTHLY", label: "Every month" },
  { value: "FREQ=YEARLY", label: "Every year" },
];

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
  const [description, setDescription] = useState(task.description ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [due, setDue] = useState(task.due_date ?? "");
  const [time, setTime] = useState(task.due_time ?? "");
  const [repeat, setRepeat] = useState(task.recurrence ?? "");
  const [tags, setTags] = useState(task.tags.join(", "));
  const [problem, setProblem] = useState<string | null>(null);
  const tooLong = title.trim().length > TITLE_MAX;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setProblem("The title cannot be empty.");
    if (tooLong) return setProblem(`A title can be at most ${TITLE_MAX} characters; this one has ${title.trim().length}.`);
    if (time && !due) return setProblem("A time needs a date.");
    if (repeat && !due) return setProblem("A repeating task needs a date to start from.");
    const patch: TaskPatch = {};
    if (title.trim() !== task.title) patch.title = title.trim();
    if ((description.trim() || null) !== task.description) patch.description = description.trim() || null;
    if (priority !== task.priority) patch.priority = priority;
    if ((due || null) !== task.due_date) patch.due_date = due || null;
    if ((time || null) !== (task.due_time ?? null)) patch.due_time = time || null;
    if ((repeat || null) !== (task.recurrence ?? null)) patch.recurrence = repeat || null;
    const newTags = parseTags(tags);
    if (newTags.join(",") !== task.tags.join(",")) patch.tags = newTags;
    if (Object.keys(patch).length === 0) return onCancel();
    void onSave(patch);
  }

  const repeats =
    task.recurrence && !REPEATS.some((r) => r.value === task.recurrence)
      ? [...REPEATS, { value: task.recurrence, label: task.recurrence_text || task.recurrence }]
      : REPEATS;

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
      noValidate
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={tooLong || undefined}
          className="input"
        />
        {title.trim().length > TITLE_MAX - 20 && (
          <span className={`text-xs ${tooLong ? "text-red-700" : "text-slate-600"}`}>
            {title.trim().length} / {TITLE_MAX}
          </span>
        )}
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} className="input" />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
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
        <label className="field">
          <span className="field-label">Time</span>
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} className="input" />
        </label>
        <label className="field">
          <span className="field-label">Repeat</span>
          <select value={repeat} onChange={(e) => setRepeat(e.target.value)} className="input">
            {repeats.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
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
