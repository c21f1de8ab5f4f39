"use client";

import { useRef, useState, type FormEvent } from "react";

import { messageOf } from "@/lib/http";
import { parseTags, type Priority, type TaskInput } from "@/lib/tasks";

type Props = {
  onAdd: (input: TaskInput) => Promise<void>;
};

export function TaskAddForm({ onAdd }: Props) {
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  const [due, setDue] = useState("");
  const [tags, setTags] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError("Give the task a title.");
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAdd({
        title: trimmed,
        priority,
        due_date: due || null,
        tags: parseTags(tags),
      });
      setTitle("");
      setDue("");
      setTags("");
      setPriority("medium");
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      titleRef.current?.focus();
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Add a task"
      className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
      noValidate
    >
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-task-title" className="sr-only">
          New task
        </label>
        <input
          id="new-task-title"
          ref={titleRef}
          data-testid="task-input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="What needs doing?"
          maxLength={200}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-task-error" : undefined}
          className="input min-w-0 flex-1"
        />
        <button type="submit" data-testid="task-add" disabled={busy} className="btn btn-primary">
          {busy ? "Adding…" : "Add task"}
        </button>
      </div>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-[auto_auto_1fr]">
        <label className="field">
          <span className="field-label">Priority</span>
          <select
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
            className="input"
          >
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
          <input
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="work, errands"
            autoComplete="off"
            className="input"
          />
        </label>
      </div>
      {error && (
        <p id="new-task-error" role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
