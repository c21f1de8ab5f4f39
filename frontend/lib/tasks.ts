/** The tasks API (docs/CONTRACT.md): types and calls. The types are the server's, generated
 * from its OpenAPI schema into ./api/schema.ts (`make api-types`), never copied by hand. */
import type { components } from "./api/schema";
import { changeIdTo } from "./changes";
import { apiJson } from "./http";

type Schemas = components["schemas"];

export type Priority = Schemas["Priority"];
export const PRIORITIES: Priority[] = ["high", "medium", "low"];

export type Task = Schemas["TaskPublic"];
export type TaskPage = Schemas["TaskPage"];
/** What quick add read from one line (POST /api/tasks/parse); nothing is saved. */
export type ParsedTask = Schemas["ParsedTask"];

export type StatusFilter = "all" | "pending" | "completed";
export type DueFilter = "" | "overdue" | "today" | "week";
export type SortField = "created" | "due" | "priority";

export type TaskFilters = {
  status: StatusFilter;
  priority: "" | Priority;
  tag: string;
  due: DueFilter;
  q: string;
  sort: SortField;
};

export const DEFAULT_FILTERS: TaskFilters = {
  status: "all",
  priority: "",
  tag: "",
  due: "",
  q: "",
  sort: "created",
};

export const PAGE_SIZE = 20;
export const PAGE_MAX = 100;

export function hasActiveFilters(filters: TaskFilters): boolean {
  return Boolean(
    filters.status !== "all" || filters.priority || filters.tag || filters.due || filters.q.trim(),
  );
}

export function taskQuery(filters: TaskFilters, limit: number, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.tag.trim()) params.set("tag", filters.tag.trim());
  if (filters.due) params.set("due", filters.due);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.sort !== "created") params.set("sort", filters.sort);
  params.set("limit", String(limit));
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

export type TaskInput = Schemas["TaskCreate"];
export type TaskPatch = Schemas["TaskUpdate"];

/** The longest title the API takes (backend/tasks/schemas.py TITLE_MAX). */
export const TITLE_MAX = 200;

/** "work, #Home  errands" -> ["work", "home", "errands"] (the backend lower-cases too). */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,\s]+/)
    .map((t) => t.trim().replace(/^#+/, "").toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** A first page asked for before React has started (see prefetchTasks); used at most once. */
let early: { query: string; page: Promise<TaskPage>; at: number } | null = null;
const EARLY_FRESH_MS = 10_000;

/**
 * Starts reading a first page as soon as the dashboard's code is evaluated in the browser, so
 * the request overlaps hydration instead of waiting for it (on a cold load that is most of the
 * time to the first task: bench/README.md). The list's first read takes it over.
 */
export function prefetchTasks(filters: TaskFilters, limit: number): void {
  if (typeof window === "undefined") return;
  const query = taskQuery(filters, limit);
  early = { query, page: apiJson<TaskPage>(`/api/tasks?${query}`), at: Date.now() };
  early.page.catch(() => undefined); // a failure is reported by the read that takes it over
}

function takeEarly(query: string): Promise<TaskPage> | null {
  const found = early && early.query === query && Date.now() - early.at < EARLY_FRESH_MS ? early.page : null;
  early = null;
  return found;
}

export const tasksApi = {
  list(filters: TaskFilters, limit: number, cursor?: string | null, signal?: AbortSignal) {
    const query = taskQuery(filters, limit, cursor);
    return takeEarly(query) ?? apiJson<TaskPage>(`/api/tasks?${query}`, { signal });
  },
  create(input: TaskInput) {
    early = null;
    return apiJson<Task>("/api/tasks", { method: "POST", json: input });
  },
  /** `onChange` gets the change's id (X-Change-Id), for an Undo. */
  update(id: number, patch: TaskPatch, onChange?: (changeId: string) => void) {
    early = null;
    return apiJson<Task>(`/api/tasks/${id}`, { method: "PATCH", json: patch, onHeaders: changeIdTo(onChange) });
  },
  /** The quick-add parser on one line; saves nothing. */
  parse(text: string, signal?: AbortSignal) {
    return apiJson<ParsedTask>("/api/tasks/parse", { method: "POST", json: { text }, signal });
  },
  remove(id: number, onChange?: (changeId: string) => void) {
    early = null;
    return apiJson<void>(`/api/tasks/${id}`, { method: "DELETE", onHeaders: changeIdTo(onChange) });
  },
};

export type TasksApi = typeof tasksApi;
