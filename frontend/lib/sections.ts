/**
 * The dashboard's sections (Overdue, Today, Upcoming, No date, Completed), decided in the user's
 * time zone: a task due today at a time already past is overdue, as in Todoist.
 */
import type { Priority, Task } from "./tasks";

export type SectionId = "overdue" | "today" | "upcoming" | "nodate" | "completed";

export const SECTIONS: { id: SectionId; title: string; empty: string }[] = [
  { id: "overdue", title: "Overdue", empty: "Nothing overdue. Nice." },
  { id: "today", title: "Today", empty: "Nothing due today." },
  { id: "upcoming", title: "Upcoming", empty: "Nothing scheduled ahead." },
  { id: "nodate", title: "No date", empty: "No undated tasks." },
  { id: "completed", title: "Completed", empty: "Nothing completed yet." },
];

/** "YYYY-MM-DD" and "HH:MM" of `now` on the wall clock of `timeZone`. */
export function wallClock(now: Date, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

type Dated = Pick<Task, "completed" | "due_date"> & { due_time?: string | null };

/** Where an open task belongs; `completed` is ignored (the caller decides about done tasks). */
export function dueSection(task: Dated, now: { day: string; time: string }): Exclude<SectionId, "completed"> {
  if (!task.due_date) return "nodate";
  if (task.due_date < now.day) return "overdue";
  if (task.due_date > now.day) return "upcoming";
  return task.due_time && task.due_time < now.time ? "overdue" : "today";
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** Soonest first; on a day, timed tasks in time order before untimed ones; then priority, newest. */
function byDue(a: Task, b: Task): number {
  return (
    (a.due_date ?? "").localeCompare(b.due_date ?? "") ||
    (a.due_time ?? "99:99").localeCompare(b.due_time ?? "99:99") ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    b.created_at.localeCompare(a.created_at)
  );
}

function byPriority(a: Task, b: Task): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byDue(a, b);
}

function byCreated(a: Task, b: Task): number {
  return b.created_at.localeCompare(a.created_at) || b.id - a.id;
}

function byCompleted(a: Task, b: Task): number {
  return (b.completed_at ?? "").localeCompare(a.completed_at ?? "") || byCreated(a, b);
}

export type Sectioned = Record<SectionId, Task[]>;
export type SectionSort = "due" | "priority" | "created";

/**
 * Splits tasks into sections. `stayPut` holds tasks completed on this screen a moment ago: they
 * stay where they were (struck through) so the row, and the focus on it, do not jump away.
 */
export function sectionTasks(
  tasks: Task[],
  now: Date,
  timeZone: string,
  sort: SectionSort = "due",
  stayPut: ReadonlySet<number> = new Set(),
): Sectioned {
  const clock = wallClock(now, timeZone);
  const out: Sectioned = { overdue: [], today: [], upcoming: [], nodate: [], completed: [] };
  for (const task of tasks) {
    if (task.completed && !stayPut.has(task.id)) out.completed.push(task);
    else out[dueSection(task, clock)].push(task);
  }
  const order = sort === "priority" ? byPriority : sort === "created" ? byCreated : byDue;
  for (const id of ["overdue", "today", "upcoming"] as const) out[id].sort(order);
  out.nodate.sort(sort === "created" ? byCreated : byPriority);
  out.completed.sort(byCompleted);
  return out;
}
