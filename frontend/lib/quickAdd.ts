/**
 * Quick add: the parts the parser read from one line, shown as chips the user can remove. A
 * removed chip is not applied; the title stays as the parser left it.
 */
import { shortDue } from "./dates";
import type { ParsedTask, TaskInput } from "./tasks";

export type ChipKind = "date" | "time" | "repeat" | "priority" | "tag";
export type Chip = { key: string; kind: ChipKind; label: string };

/** A time and a repeat rule need a date (the API says so): without the date they go too. */
const NEEDS_DATE: ChipKind[] = ["time", "repeat"];

export function formatTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return new Date(2000, 0, 1, h, m).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

/** The chips for what was parsed, minus those removed (by key). */
export function chipsOf(parsed: ParsedTask, removed: ReadonlySet<string> = new Set()): Chip[] {
  const chips: Chip[] = [];
  if (parsed.due_date) chips.push({ key: "date", kind: "date", label: shortDue(parsed.due_date).label });
  if (parsed.due_time) chips.push({ key: "time", kind: "time", label: formatTime(parsed.due_time) });
  if (parsed.recurrence) chips.push({ key: "repeat", kind: "repeat", label: parsed.recurrence_text || "repeats" });
  if (parsed.priority !== "medium") chips.push({ key: "priority", kind: "priority", label: `${parsed.priority} priority` });
  for (const tag of parsed.tags) chips.push({ key: `tag:${tag}`, kind: "tag", label: `#${tag}` });
  const dateGone = removed.has("date");
  return chips.filter((c) => !removed.has(c.key) && !(dateGone && NEEDS_DATE.includes(c.kind)));
}

/** The task to create from what was parsed and the chips still standing. */
export function inputFrom(parsed: ParsedTask, removed: ReadonlySet<string> = new Set()): TaskInput {
  const kept = new Set(chipsOf(parsed, removed).map((c) => c.key));
  return {
    title: parsed.title,
    description: parsed.description,
    priority: kept.has("priority") ? parsed.priority : "medium",
    due_date: kept.has("date") ? parsed.due_date : null,
    // Sent only when set: "not set" is the API's default either way.
    ...(kept.has("time") ? { due_time: parsed.due_time } : {}),
    ...(kept.has("repeat") ? { recurrence: parsed.recurrence } : {}),
    tags: parsed.tags.filter((t) => kept.has(`tag:${t}`)),
  };
}

/** When the parser cannot be reached: the line as it is, nothing read from it. */
export function literal(text: string): ParsedTask {
  return {
    title: text.trim(),
    description: null,
    priority: "medium",
    due_date: null,
    due_time: null,
    tags: [],
    recurrence: null,
    recurrence_text: null,
  };
}
