"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { DotsIcon } from "@/components/icons";
import type { Priority } from "@/lib/tasks";

type Props = {
  label: string;
  priority: Priority;
  onEdit: () => void;
  onDue: () => void;
  onPriority: (priority: Priority) => void;
  onDelete: () => void;
};

/** A row's menu (WAI-ARIA menu button): arrows move, Escape closes and returns focus. */
export function RowMenu({ label, priority, onEdit, onDue, onPriority, onDelete }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const close = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  function choose(action: () => void) {
    setOpen(false);
    button.current?.focus();
    action();
  }

  function onKeyDown(e: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(all.length - 1);
    else if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
    e.stopPropagation(); // the dashboard's shortcuts do not fire inside the menu
  }

  const item = "flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title="More actions"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="icon-btn"
      >
        <DotsIcon />
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          className="absolute right-0 top-full z-30 mt-1 w-48 rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
        >
          <button type="button" role="menuitem" tabIndex={-1} className={item} onClick={() => choose(onEdit)}>
            Edit
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className={item} onClick={() => choose(onDue)}>
            Due date and time
          </button>
          <div role="group" aria-label="Priority" className="my-1 border-y border-slate-100 py-1">
            <p aria-hidden="true" className="px-3 pb-0.5 text-xs font-medium text-slate-500">
              Priority
            </p>
            {(["high", "medium", "low"] as const).map((p) => (
              <button
                key={p}
                type="button"
                role="menuitemradio"
                aria-checked={priority === p}
                tabIndex={-1}
                className={item}
                onClick={() => choose(() => p !== priority && onPriority(p))}
              >
                <span aria-hidden="true" className="w-3">{priority === p ? "✓" : ""}</span>
                {p === "high" ? "High" : p === "medium" ? "Medium" : "Low"}
              </button>
            ))}
          </div>
          <button type="button" role="menuitem" tabIndex={-1} className={`${item} text-red-700`} onClick={() => choose(onDelete)}>
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
