"use client";

import { forwardRef, useEffect, useRef, useState, type FormEvent } from "react";

import { CalendarIcon, ClockIcon, CloseIcon, FlagIcon, PlusIcon, RepeatIcon, TagIcon } from "@/components/icons";
import { ApiError, isAbort, messageOf } from "@/lib/http";
import { chipsOf, inputFrom, literal, type ChipKind } from "@/lib/quickAdd";
import { parseTags, TITLE_MAX, type ParsedTask, type Priority, type TaskInput, type TasksApi } from "@/lib/tasks";

type Props = {
  onAdd: (input: TaskInput) => Promise<void>;
  parse: TasksApi["parse"];
};

/** How long typing pauses before the line is parsed. */
export const PARSE_DEBOUNCE_MS = 250;

const CHIP_ICON: Record<ChipKind, typeof CalendarIcon> = {
  date: CalendarIcon,
  time: ClockIcon,
  repeat: RepeatIcon,
  priority: FlagIcon,
  tag: TagIcon,
};

type Details = { priority: "" | Priority; due: string; time: string; tags: string; description: string };
const NO_DETAILS: Details = { priority: "", due: "", time: "", tags: "", description: "" };

/**
 * Quick add: one line ("pay rent on the 1st of every month #home !high"), parsed by the server
 * while the user types and shown as removable chips; Enter saves. "More" has the fields.
 */
export const TaskAddForm = forwardRef<HTMLInputElement, Props>(function TaskAddForm({ onAdd, parse }, ref) {
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<{ text: string; result: ParsedTask } | null>(null);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [more, setMore] = useState(false);
  const [details, setDetails] = useState<Details>(NO_DETAILS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);

  // Parse once the user pauses; an answer for older text is dropped.
  useEffect(() => {
    const line = text.trim();
    if (!line) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      parse(line, ctrl.signal).then(
        (result) => setParsed({ text: line, result }),
        () => undefined, // chips are a preview: saving parses again and reports a problem
      );
    }, PARSE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, parse]);

  const line = text.trim();
  const current = parsed && parsed.text === line ? parsed.result : null;
  const chips = current ? chipsOf(current, removed) : [];
  const titleLength = (current?.title ?? line).length;
  const tooLong = titleLength > TITLE_MAX;

  async function parseNow(value: string): Promise<ParsedTask> {
    if (current) return current;
    try {
      return await parse(value);
    } catch (err) {
      // A refusal of the line (422) is the user's to see; without the parser it is saved as typed.
      if ((err instanceof ApiError && err.status === 422) || isAbort(err)) throw err;
      return literal(value);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!line) {
      setError("Give the task a title.");
      inputRef.current?.focus();
      return;
    }
    if (tooLong) {
      setError(`A title can be at most ${TITLE_MAX} characters; this one has ${titleLength}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = inputFrom(await parseNow(line), removed);
      // What is set under "More" wins over what was read from the line.
      if (details.priority) input.priority = details.priority;
      if (details.due) input.due_date = details.due;
      if (details.time) input.due_time = details.time;
      if (details.tags.trim()) input.tags = [...new Set([...(input.tags ?? []), ...parseTags(details.tags)])];
      if (details.description.trim()) input.description = details.description.trim();
      await onAdd(input);
      setText("");
      setParsed(null);
      setRemoved(new Set());
      setDetails(NO_DETAILS);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  const set = <K extends keyof Details>(key: K, value: Details[K]) => setDetails((d) => ({ ...d, [key]: value }));
  const describedBy = [error && "new-task-error", tooLong && "new-task-count"].filter(Boolean).join(" ") || undefined;

  return (
    <form
      onSubmit={submit}
      aria-label="Add a task"
      className="rounded-xl border border-slate-200 bg-white shadow-sm focus-within:border-indigo-400"
      noValidate
    >
      <div className="flex items-center gap-2 px-3 py-1.5">
        <PlusIcon className="shrink-0 text-indigo-600" />
        <label htmlFor="new-task-title" className="sr-only">
          New task
        </label>
        <input
          id="new-task-title"
          ref={(el) => {
            inputRef.current = el;
            if (typeof ref === "function") ref(el);
            else if (ref) ref.current = el;
          }}
          data-testid="task-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && text) {
              e.preventDefault();
              setText("");
              setRemoved(new Set());
            }
          }}
          placeholder="Add a task: “call mom tomorrow at 5pm #family”"
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={error || tooLong ? true : undefined}
          aria-describedby={describedBy}
          className="min-w-0 flex-1 bg-transparent py-1.5 text-[15px] text-slate-900 placeholder:text-slate-500 focus:outline-none"
        />
        <button
          type="button"
          onClick={() => setMore((m) => !m)}
          aria-expanded={more}
          aria-controls="new-task-more"
          className="btn btn-ghost btn-sm text-slate-600"
        >
          More
        </button>
        <button type="submit" data-testid="task-add" disabled={busy} className="btn btn-primary btn-sm">
          {busy ? "Adding…" : "Add"}
        </button>
      </div>

      {(chips.length > 0 || (current && current.title !== line)) && (
        <div className="flex flex-wrap items-center gap-1.5 border-t border-slate-100 px-3 py-2">
          {current && current.title !== line && (
            <span className="mr-1 text-sm text-slate-600" data-testid="parsed-title">
              <span className="sr-only">Title: </span>
              {current.title}
            </span>
          )}
          <ul aria-label="Read from what you typed" className="flex flex-wrap gap-1.5">
            {chips.map((chip) => {
              const Icon = CHIP_ICON[chip.kind];
              return (
                <li key={chip.key} data-testid="quick-chip" data-kind={chip.kind}>
                  <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2 pr-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200">
                    <Icon />
                    {chip.label}
                    <button
                      type="button"
                      onClick={() => setRemoved((r) => new Set([...r, chip.key]))}
                      aria-label={`Remove ${chip.kind === "tag" ? "tag" : chip.kind} “${chip.label}”`}
                      className="rounded-full p-0.5 hover:bg-indigo-100"
                    >
                      <CloseIcon />
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {titleLength > TITLE_MAX - 20 && (
        <p id="new-task-count" className={`px-3 pb-2 text-xs ${tooLong ? "text-red-700" : "text-slate-600"}`}>
          {titleLength} / {TITLE_MAX}
          {tooLong && ` — ${titleLength - TITLE_MAX} characters too long for a title`}
        </p>
      )}

      <div
        id="new-task-more"
        hidden={!more}
        className="grid grid-cols-2 gap-2 border-t border-slate-100 px-3 py-3 sm:grid-cols-4"
      >
        <label className="field">
          <span className="field-label">Priority</span>
          <select value={details.priority} onChange={(e) => set("priority", e.target.value as Details["priority"])} className="input">
            <option value="">As typed</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Due date</span>
          <input type="date" value={details.due} onChange={(e) => set("due", e.target.value)} className="input" />
        </label>
        <label className="field">
          <span className="field-label">Time</span>
          <input type="time" value={details.time} onChange={(e) => set("time", e.target.value)} className="input" />
        </label>
        <label className="field">
          <span className="field-label">Tags</span>
          <input
            value={details.tags}
            onChange={(e) => set("tags", e.target.value)}
            placeholder="work, errands"
            autoComplete="off"
            className="input"
          />
        </label>
        <label className="field col-span-2 sm:col-span-4">
          <span className="field-label">Description</span>
          <textarea
            value={details.description}
            onChange={(e) => set("description", e.target.value)}
            rows={2}
            className="input"
          />
        </label>
      </div>

      {error && (
        <p id="new-task-error" role="alert" className="px-3 pb-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
});
