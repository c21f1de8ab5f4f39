import { vi } from "vitest";

import { ApiError } from "@/lib/http";
import type { ParsedTask, Task, TaskFilters, TaskInput, TaskPatch, TasksApi } from "@/lib/tasks";

/** An in-memory tasks backend with the API's filters and cursor paging (newest first). */
export function fakeTasksApi(initial: Partial<Task>[] = []) {
  let nextId = 1;
  const make = (t: Partial<Task>): Task => {
    const id = t.id ?? nextId;
    nextId = Math.max(nextId, id + 1);
    const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString();
    return {
      id,
      title: `Task ${id}`,
      description: null,
      completed: false,
      priority: "medium",
      due_date: null,
      due_time: null,
      recurrence: null,
      recurrence_text: null,
      tags: [],
      created_at: stamp,
      updated_at: stamp,
      completed_at: null,
      last_completed_at: null,
      ...t,
    };
  };
  const tasks: Task[] = initial.map(make);

  function matches(t: Task, f: TaskFilters): boolean {
    if (f.status === "pending" && t.completed) return false;
    if (f.status === "completed" && !t.completed) return false;
    if (f.priority && t.priority !== f.priority) return false;
    if (f.tag && !t.tags.includes(f.tag)) return false;
    if (f.q && !t.title.toLowerCase().includes(f.q.toLowerCase())) return false;
    return true;
  }

  const api = {
    list: vi.fn(async (filters: TaskFilters, limit: number, cursor?: string | null) => {
      const all = tasks.filter((t) => matches(t, filters)).sort((a, b) => b.id - a.id);
      const start = cursor ? Number(cursor) : 0;
      const items = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return { items: items.map((t) => ({ ...t })), next_cursor: next };
    }),
    create: vi.fn(async (input: TaskInput) => {
      const task = make({ ...input, id: nextId } as Partial<Task>);
      tasks.push(task);
      return { ...task };
    }),
    update: vi.fn(async (id: number, patch: TaskPatch) => {
      const task = tasks.find((t) => t.id === id);
      if (!task) throw new ApiError(404, "Task not found");
      Object.assign(task, patch);
      return { ...task };
    }),
    /** A tiny stand-in for the server's parser: `#tag`, `!high`/`!low` and "tomorrow". */
    parse: vi.fn(async (text: string): Promise<ParsedTask> => {
      const words = text.trim().split(/\s+/);
      const tags = words.filter((w) => w.startsWith("#")).map((w) => w.slice(1).toLowerCase());
      const bang = words.find((w) => w === "!high" || w === "!low");
      const tomorrow = words.includes("tomorrow");
      const title = words.filter((w) => !w.startsWith("#") && w !== bang && w !== "tomorrow").join(" ");
      const d = new Date();
      d.setDate(d.getDate() + 1);
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      return {
        title,
        description: null,
        priority: bang ? (bang.slice(1) as "high" | "low") : "medium",
        due_date: tomorrow ? iso : null,
        due_time: null,
        tags,
        recurrence: null,
        recurrence_text: null,
      };
    }),
    remove: vi.fn(async (id: number) => {
      const at = tasks.findIndex((t) => t.id === id);
      if (at < 0) throw new ApiError(404, "Task not found");
      tasks.splice(at, 1);
    }),
  } satisfies TasksApi;

  return { api, tasks };
}
