/** Dates as people read them, in the browser's own time zone. */

/**
 * The ChatKit SDK stamps threads with naive timestamps ("2026-11-21T00:46:26.82"); they are
 * UTC on the server, so read them as UTC. Timestamps with an offset are read as given.
 */
export function parseServerTime(value: string): Date {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return new Date(hasZone ? value : `${value}Z`);
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `now` to `then` (negative: in the past), DST-safe. */
export function dayDiff(then: Date, now: Date): number {
  return Math.round((startOfDay(then).getTime() - startOfDay(now).getTime()) / DAY_MS);
}

export type Group<T> = { label: string; items: T[] };

export const GROUP_LABELS = ["Today", "Yesterday", "Previous 7 days", "Older"] as const;

/** Today / Yesterday / Previous 7 days / Older, in the order given (newest first). */
export function groupByAge<T>(items: T[], dateOf: (item: T) => Date, now: Date): Group<T>[] {
  const buckets = new Map<string, T[]>(GROUP_LABELS.map((label) => [label, []]));
  for (const item of items) {
    const diff = dayDiff(dateOf(item), now);
    const label =
      diff >= 0 ? "Today" : diff === -1 ? "Yesterday" : diff >= -7 ? "Previous 7 days" : "Older";
    buckets.get(label)!.push(item);
  }
  return GROUP_LABELS.map((label) => ({ label, items: buckets.get(label)! })).filter(
    (g) => g.items.length > 0,
  );
}

/** A due date ("YYYY-MM-DD", a calendar day) as a local Date at midnight. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function todayString(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DueInfo = { label: string; tone: "overdue" | "today" | "soon" | "later" };

export function describeDue(day: string, now = new Date()): DueInfo {
  const date = parseDay(day);
  const diff = dayDiff(date, now);
  const sameYear = date.getFullYear() === now.getFullYear();
  const formatted = date.toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  });
  if (diff < 0) return { label: `Overdue · ${formatted}`, tone: "overdue" };
  if (diff === 0) return { label: "Due today", tone: "today" };
  if (diff === 1) return { label: "Due tomorrow", tone: "soon" };
  if (diff < 7) {
    const weekday = date.toLocaleDateString(undefined, { weekday: "long" });
    return { label: `Due ${weekday}`, tone: "soon" };
  }
  return { label: `Due ${formatted}`, tone: "later" };
}

/** A due day in few words, for rows and chips: "Today", "Tomorrow", "Friday", "Overdue · Jun 3". */
export function shortDue(day: string, now = new Date()): DueInfo {
  const due = describeDue(day, now);
  const label = due.label.replace(/^Due /, "");
  return { ...due, label: label.charAt(0).toUpperCase() + label.slice(1) };
}
