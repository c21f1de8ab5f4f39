"use client";

import { useEffect, useRef, useState } from "react";

import { SlidersIcon } from "@/components/icons";

import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  type DueFilter,
  type Priority,
  type SortField,
  type StatusFilter,
  type TaskFilters,
} from "@/lib/tasks";

type Props = {
  filters: TaskFilters;
  onChange: (filters: TaskFilters) => void;
  knownTags: string[];
};

export const SEARCH_DEBOUNCE_MS = 300;

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "To do" },
  { value: "completed", label: "Done" },
];

const SORT_LABEL: Record<SortField, string> = { created: "Newest first", due: "Due date", priority: "Priority" };

/** How many filters are on (the badge on the control). */
export function activeFilterCount(f: TaskFilters): number {
  return [f.status !== "all", f.priority, f.tag, f.due, f.q.trim()].filter(Boolean).length;
}

/** Filters and sort behind one control; what is on stays visible as a one-line summary. */
export function TaskFiltersBar({ filters, onChange, knownTags }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const count = activeFilterCount(filters);

  // A click elsewhere closes the panel (the filters stay on).
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  return (
    <div ref={box} className="relative">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="task-filters"
        className="btn btn-ghost btn-sm border border-slate-200 bg-white"
      >
        <SlidersIcon />
        <span>Filter &amp; sort</span>
        {count > 0 && (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white">
            {count}
            <span className="sr-only"> on</span>
          </span>
        )}
      </button>
      <div
        id="task-filters"
        hidden={!open}
        className="absolute right-0 top-full z-30 mt-1 w-[min(22rem,calc(100vw-1.5rem))] rounded-xl border border-slate-200 bg-white p-3 shadow-lg"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            setOpen(false);
            (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
          }
        }}
      >
        <FilterControls filters={filters} onChange={onChange} knownTags={knownTags} />
        <p className="mt-2 text-xs text-slate-500">Sorted by {SORT_LABEL[filters.sort].toLowerCase()} within each section.</p>
      </div>
    </div>
  );
}

function FilterControls({ filters, onChange, knownTags }: Props) {
  const [search, setSearch] = useState(filters.q);

  // Typing in the search box asks the server once the user pauses.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const set = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) =>
    onChange({ ...filters, [key]: value });

  return (
    <section aria-label="Filter tasks" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex rounded-lg border border-slate-200 bg-white p-0.5">
          <legend className="sr-only">Status</legend>
          {STATUSES.map((s) => (
            <label
              key={s.value}
              className={`cursor-pointer rounded-md px-3 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${
                filters.status === s.value
                  ? "bg-indigo-600 text-white"
                  : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              <input
                type="radio"
                name="status"
                value={s.value}
                checked={filters.status === s.value}
                onChange={() => set("status", s.value)}
                className="sr-only"
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label className="min-w-0 flex-1 basis-48">
          <span className="sr-only">Search tasks</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search tasks"
            className="input w-full"
          />
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="field">
          <span className="field-label" aria-hidden="true">Priority</span>
          <select
            aria-label="Filter by priority"
            value={filters.priority}
            onChange={(e) => set("priority", e.target.value as "" | Priority)}
            className="input"
          >
            <option value="">Any priority</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label" aria-hidden="true">Due</span>
          <select
            aria-label="Filter by due date"
            value={filters.due}
            onChange={(e) => set("due", e.target.value as DueFilter)}
            className="input"
          >
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">Today</option>
            <option value="week">This week</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label" aria-hidden="true">Tag</span>
          <select
            aria-label="Filter by tag" value={filters.tag} onChange={(e) => set("tag", e.target.value)} className="input">
            <option value="">Any tag</option>
            {[...new Set([...knownTags, ...(filters.tag ? [filters.tag] : [])])].sort().map((t) => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label" aria-hidden="true">Sort by</span>
          <select
            aria-label="Sort tasks by"
            value={filters.sort}
            onChange={(e) => set("sort", e.target.value as SortField)}
            className="input"
          >
            <option value="created">Newest first</option>
            <option value="due">Due date</option>
            <option value="priority">Priority</option>
          </select>
        </label>
        {hasActiveFilters(filters) && (
          <button
            type="button"
            onClick={() => {
              setSearch("");
              onChange({ ...DEFAULT_FILTERS, sort: filters.sort });
            }}
            className="btn btn-ghost col-span-2 self-end"
          >
            Clear filters
          </button>
        )}
      </div>
    </section>
  );
}
