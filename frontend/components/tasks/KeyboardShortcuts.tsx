"use client";

import { useEffect, useRef, type Ref } from "react";

export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["q"], does: "Quick add: focus the add box" },
  { keys: ["j", "k"], does: "Next / previous task" },
  { keys: ["x"], does: "Complete or reopen the task" },
  { keys: ["e"], does: "Edit the task" },
  { keys: ["Delete"], does: "Delete the task (asks first)" },
  { keys: ["?"], does: "Show these shortcuts" },
  { keys: ["Esc"], does: "Close an editor, menu or this list" },
];

/** Typing in a field, or holding a modifier, is never a shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const el = event.target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.closest("[role=menu], dialog[open], [data-chat-ui], openai-chatkit, #chat-widget")) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (el as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit"].includes(type);
}

type Actions = {
  quickAdd: () => void;
  act: (taskId: number, action: "edit" | "delete") => void;
};

const ROW = '[data-testid="task-item"]';

/**
 * The dashboard's keys (`q`, `j`/`k`, `x`, `e`, Delete, `?`), on the task that has focus. Rows are
 * found in the DOM, in the order they are shown across sections.
 */
export function useShortcuts({ quickAdd, act }: Actions) {
  const listRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const actions = useRef({ quickAdd, act });
  useEffect(() => {
    actions.current = { quickAdd, act };
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event)) return;
      const rows = [...(listRef.current?.querySelectorAll<HTMLElement>(ROW) ?? [])].filter((r) => !r.closest("[hidden]"));
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(ROW) ?? null;
      const at = current ? rows.indexOf(current) : -1;
      const focusRow = (row: HTMLElement | undefined) => row?.querySelector<HTMLElement>('[data-testid="task-toggle"]')?.focus();
      const id = current ? Number(current.dataset.taskId) : null;
      let handled = true;
      switch (event.key) {
        case "q":
          actions.current.quickAdd();
          break;
        case "j":
        case "ArrowDown":
          if (event.key === "ArrowDown" && at < 0) return;
          focusRow(rows[Math.min(at + 1, rows.length - 1)]);
          break;
        case "k":
        case "ArrowUp":
          if (event.key === "ArrowUp" && at < 0) return;
          focusRow(rows[Math.max(at - 1, 0)]);
          break;
        case "x":
          if (!current) return;
          current.querySelector<HTMLElement>('[data-testid="task-toggle"]')?.click();
          break;
        case "e":
          if (id === null) return;
          actions.current.act(id, "edit");
          break;
        case "Delete":
        case "Backspace":
          if (id === null) return;
          actions.current.act(id, "delete");
          break;
        case "?":
          dialogRef.current?.showModal?.();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return { listRef, dialogRef, open: () => dialogRef.current?.showModal?.() };
}

export function KeyboardShortcuts({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="shortcuts-title" className="mb-2 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.does} className="contents">
            <dt className="flex gap-1">
              {s.keys.map((k) => (
                <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                  {k}
                </kbd>
              ))}
            </dt>
            <dd className="text-slate-700">{s.does}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">Not while typing in a field.</p>
      <form method="dialog" className="mt-3 flex justify-end">
        <button type="submit" autoFocus className="btn btn-primary btn-sm">
          Close
        </button>
      </form>
    </dialog>
  );
}
