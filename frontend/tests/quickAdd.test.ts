import { describe, expect, it } from "vitest";

import { chipsOf, inputFrom, literal } from "@/lib/quickAdd";
import type { ParsedTask } from "@/lib/tasks";

const rent: ParsedTask = {
  title: "pay rent",
  description: null,
  priority: "high",
  due_date: "2030-01-01",
  due_time: "09:00",
  tags: ["home", "bills"],
  recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
  recurrence_text: "every month on the 1st",
};

describe("quick add chips", () => {
  it("shows one chip per parsed part", () => {
    expect(chipsOf(rent).map((c) => c.key)).toEqual(["date", "time", "repeat", "priority", "tag:home", "tag:bills"]);
    expect(chipsOf(rent).find((c) => c.kind === "repeat")?.label).toBe("every month on the 1st");
  });

  it("applies everything when nothing is removed", () => {
    expect(inputFrom(rent)).toEqual({
      title: "pay rent",
      description: null,
      priority: "high",
      due_date: "2030-01-01",
      due_time: "09:00",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      tags: ["home", "bills"],
    });
  });

  it("a removed chip is not applied, and the title stays as it is", () => {
    const input = inputFrom(rent, new Set(["priority", "tag:home", "repeat"]));
    expect(input).toMatchObject({ title: "pay rent", priority: "medium", tags: ["bills"] });
    expect(input.recurrence ?? null).toBeNull();
    expect(input.due_date).toBe("2030-01-01");
    expect(input.due_time).toBe("09:00");
  });

  it("removing the date takes the time and the repeat with it (they need a date)", () => {
    expect(chipsOf(rent, new Set(["date"])).map((c) => c.key)).toEqual(["priority", "tag:home", "tag:bills"]);
    const input = inputFrom(rent, new Set(["date"]));
    expect([input.due_date, input.due_time ?? null, input.recurrence ?? null]).toEqual([null, null, null]);
  });

  it("medium priority is no chip", () => {
    expect(chipsOf({ ...rent, priority: "medium" }).some((c) => c.kind === "priority")).toBe(false);
  });

  it("without the parser, the line is the title", () => {
    expect(inputFrom(literal("  call mom tomorrow "))).toMatchObject({ title: "call mom tomorrow", due_date: null, tags: [] });
  });
});
