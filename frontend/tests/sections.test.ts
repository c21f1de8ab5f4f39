import { describe, expect, it } from "vitest";

import { dueSection, sectionTasks, wallClock } from "@/lib/sections";
import type { Task } from "@/lib/tasks";

let id = 0;
function task(t: Partial<Task>): Task {
  id += 1;
  return {
    id,
    title: `T${id}`,
    description: null,
    completed: false,
    priority: "medium",
    due_date: null,
    due_time: null,
    tags: [],
    created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
    updated_at: "2026-01-01T00:00:00Z",
    completed_at: null,
    recurrence: null,
    recurrence_text: null,
    last_completed_at: null,
    ...t,
  };
}

const titles = (ts: Task[]) => ts.map((t) => t.title);

describe("wallClock", () => {
  it("reads the day and time in the given zone, not the machine's", () => {
    const instant = new Date("2026-03-01T02:30:00Z");
    expect(wallClock(instant, "UTC")).toEqual({ day: "2026-03-01", time: "02:30" });
    // Still the evening before in New York, already late morning in Tokyo.
    expect(wallClock(instant, "America/New_York")).toEqual({ day: "2026-02-28", time: "21:30" });
    expect(wallClock(instant, "Asia/Tokyo")).toEqual({ day: "2026-03-01", time: "11:30" });
  });
});

describe("sectionTasks", () => {
  // 2026-06-10 15:00 in Berlin (13:00 UTC).
  const now = new Date("2026-06-10T13:00:00Z");
  const zone = "Europe/Berlin";

  it("puts each task in Overdue, Today, Upcoming, No date or Completed", () => {
    const s = sectionTasks(
      [
        task({ title: "yesterday", due_date: "2026-06-09" }),
        task({ title: "today untimed", due_date: "2026-06-10" }),
        task({ title: "today 14:00 (past)", due_date: "2026-06-10", due_time: "14:00" }),
        task({ title: "today 16:00", due_date: "2026-06-10", due_time: "16:00" }),
        task({ title: "tomorrow", due_date: "2026-06-11" }),
        task({ title: "undated" }),
        task({ title: "done", completed: true, completed_at: "2026-06-10T10:00:00Z", due_date: "2026-06-09" }),
      ],
      now,
      zone,
    );
    expect(titles(s.overdue)).toEqual(["yesterday", "today 14:00 (past)"]);
    expect(titles(s.today)).toEqual(["today 16:00", "today untimed"]);
    expect(titles(s.upcoming)).toEqual(["tomorrow"]);
    expect(titles(s.nodate)).toEqual(["undated"]);
    expect(titles(s.completed)).toEqual(["done"]);
  });

  it("decides 'today' in the user's zone: the same instant is a different day elsewhere", () => {
    const lateEvening = new Date("2026-06-10T23:30:00Z"); // 11 June 01:30 in Berlin
    const t = task({ due_date: "2026-06-11" });
    expect(sectionTasks([t], lateEvening, "UTC").upcoming).toHaveLength(1);
    expect(sectionTasks([t], lateEvening, zone).today).toHaveLength(1);
    expect(sectionTasks([t], lateEvening, "America/Los_Angeles").upcoming).toHaveLength(1);
  });

  it("keeps a task completed a moment ago where it was", () => {
    const t = task({ title: "just done", due_date: "2026-06-10", completed: true });
    expect(titles(sectionTasks([t], now, zone, "due", new Set([t.id])).today)).toEqual(["just done"]);
    expect(titles(sectionTasks([t], now, zone).completed)).toEqual(["just done"]);
  });

  it("sorts by priority when asked, and the newest completion first", () => {
    const s = sectionTasks(
      [
        task({ title: "low", due_date: "2026-06-12", priority: "low" }),
        task({ title: "high later", due_date: "2026-06-20", priority: "high" }),
        task({ title: "c1", completed: true, completed_at: "2026-06-01T00:00:00Z" }),
        task({ title: "c2", completed: true, completed_at: "2026-06-05T00:00:00Z" }),
      ],
      now,
      zone,
      "priority",
    );
    expect(titles(s.upcoming)).toEqual(["high later", "low"]);
    expect(titles(s.completed)).toEqual(["c2", "c1"]);
  });

  it("a time exactly now is still today", () => {
    expect(dueSection({ completed: false, due_date: "2026-06-10", due_time: "15:00" }, { day: "2026-06-10", time: "15:00" })).toBe("today");
  });
});
