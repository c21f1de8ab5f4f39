/**
 * The dashboard (issue 13): quick add with chips, the sections, a repeating task moving to its
 * next date, keyboard-only use, phone width. Screenshots (light and dark, 1280 and 390 px) go to
 * test-results/screenshots, and to docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
import type { Page } from "@playwright/test";

import { expect, isoDay, screenshot, signUp, test } from "./fixtures";

/** Tasks made through the API from inside the page (its cookie, its origin). */
async function createTasks(page: Page, tasks: Record<string, unknown>[]) {
  await page.evaluate(async (list) => {
    for (const t of list) {
      const r = await fetch("/api/tasks", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Timezone": Intl.DateTimeFormat().resolvedOptions().timeZone },
        body: JSON.stringify(t),
      });
      if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    }
  }, tasks);
}

const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });

test("quick add: the parsed parts show as chips; a removed chip is not applied", async ({ page }) => {
  await signUp(page);
  const input = page.getByTestId("task-input");
  await input.fill("pay rent on the 1st of every month #home !high");
  const chips = page.getByTestId("quick-chip");
  await expect(chips.filter({ hasText: /every month/i })).toBeVisible();
  await expect(chips.filter({ hasText: "#home" })).toBeVisible();
  await expect(chips.filter({ hasText: /high priority/i })).toBeVisible();
  await expect(page.getByTestId("parsed-title")).toHaveText(/pay rent/i);

  // Removing the priority chip: the task keeps medium priority; the rest applies.
  await page.getByRole("button", { name: /^Remove priority/ }).click();
  await expect(chips.filter({ hasText: /high priority/i })).toHaveCount(0);
  await input.press("Enter");
  const item = page.getByTestId("task-item").filter({ hasText: /pay rent/i });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("task-repeat")).toContainText(/every month/i);
  await expect(item).toContainText("#home");
  await expect(item).not.toContainText("High");
  await expect(item.locator("p").first()).toHaveText(/^pay rent$/i); // the title is not changed
  await expect(input).toHaveValue("");
  await expect(chips).toHaveCount(0);

  // A time: "call mom tomorrow at 5pm" → Tomorrow, 5:00 PM; the tag chip removed is not applied.
  await input.fill("call mom tomorrow at 5pm #family");
  await expect(chips.filter({ hasText: "Tomorrow" })).toBeVisible();
  await expect(chips.filter({ hasText: /5:00/ })).toBeVisible();
  await page.getByRole("button", { name: "Remove tag “#family”" }).click();
  await input.press("Enter");
  const call = page.getByTestId("task-item").filter({ hasText: /call mom/i });
  await expect(call).toContainText(/Tomorrow 5:00/);
  await expect(call).not.toContainText("#family");
  await expect(section(page, "Upcoming")).toContainText(/call mom/i);
});

test("quick add: a title over the limit shows a counter and a message, and nothing is cut", async ({ page }) => {
  await signUp(page);
  const long = "x".repeat(205);
  await page.getByTestId("task-input").fill(long);
  await expect(page.getByText("205 / 200")).toBeVisible();
  await page.getByTestId("task-input").press("Enter");
  await expect(page.getByRole("form", { name: "Add a task" }).getByRole("alert")).toContainText("at most 200 characters");
  await expect(page.getByTestId("task-input")).toHaveValue(long);
  await expect(page.getByTestId("task-item")).toHaveCount(0);
});

test("sections: Overdue, Today, Upcoming, No date, and Completed collapsed", async ({ page }) => {
  await signUp(page);
  await createTasks(page, [
    { title: "Renew passport", due_date: isoDay(-2), priority: "high" },
    { title: "Water the plants", due_date: isoDay(0) },
    { title: "Dentist", due_date: isoDay(3), priority: "low" },
    { title: "Read a book" },
    { title: "Old chore" },
  ]);
  await page.reload();
  await expect(section(page, "Overdue")).toContainText("Renew passport");
  await expect(section(page, "Today")).toContainText("Water the plants");
  await expect(section(page, "Upcoming")).toContainText("Dentist");
  await expect(section(page, "No date")).toContainText("Read a book");
  // Priority shows only when it is not medium.
  await expect(page.getByTestId("task-item").filter({ hasText: "Renew passport" })).toContainText("High");
  await expect(page.getByTestId("task-item").filter({ hasText: "Water the plants" })).not.toContainText("Medium");

  // Completing a task keeps it in place for now; after a reload it is under Completed, collapsed.
  await page.getByRole("checkbox", { name: "Mark “Old chore” as done" }).check();
  await expect(section(page, "No date")).toContainText("Old chore");
  await page.reload();
  const completed = page.getByRole("button", { name: /^Completed/ });
  await expect(completed).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("task-item").filter({ hasText: "Old chore" })).toBeHidden();
  await completed.click();
  await expect(page.getByTestId("task-item").filter({ hasText: "Old chore" })).toBeVisible();

  // Every section has an empty state.
  await page.getByRole("checkbox", { name: "Mark “Renew passport” as done" }).check();
  await page.reload();
  await expect(section(page, "Overdue")).toContainText("Nothing overdue");

  // The row menu: priority and delete.
  await page.getByRole("button", { name: "More actions for “Dentist”" }).click();
  const menu = page.getByRole("menu", { name: "More actions for “Dentist”" });
  await expect(menu.getByRole("menuitemradio", { name: "Low" })).toHaveAttribute("aria-checked", "true");
  await menu.getByRole("menuitemradio", { name: "High" }).click();
  await expect(page.getByTestId("task-item").filter({ hasText: "Dentist" })).toContainText("High");

  // Inline date and time pickers.
  await page.getByRole("button", { name: "Set the due date of “Read a book”" }).click();
  const picker = page.getByRole("form", { name: "Due date of “Read a book”" });
  await picker.getByLabel("Date").fill(isoDay(0));
  await picker.getByLabel("Time").fill("23:59");
  await picker.getByRole("button", { name: "Save" }).click();
  await expect(section(page, "Today")).toContainText("Read a book");
});

test("completing a repeating task moves it to its next date", async ({ page }) => {
  await signUp(page);
  await createTasks(page, [{ title: "Stretch", due_date: isoDay(0), recurrence: "FREQ=DAILY" }]);
  await page.reload();
  const row = page.getByTestId("task-item").filter({ hasText: "Stretch" });
  await expect(row.getByTestId("task-repeat")).toContainText(/day/i);
  await expect(section(page, "Today")).toContainText("Stretch");
  // click(), not check(): the box is unticked again at once (the task stays open), which check()
  // would take for a missed click and click again.
  await row.getByTestId("task-toggle").click();
  // Still open, due tomorrow, under Upcoming; the focus stays on it.
  await expect(section(page, "Upcoming")).toContainText("Stretch");
  await expect(row).toHaveAttribute("data-completed", "false");
  await expect(row).toContainText("Tomorrow");
  await expect(row.getByTestId("task-toggle")).toBeFocused();
});

test("keyboard only: q, j/k, x, e, Delete and ?", async ({ page }) => {
  await signUp(page);
  await page.locator("body").click({ position: { x: 5, y: 300 } }); // nothing focused
  await page.keyboard.press("q");
  const input = page.getByTestId("task-input");
  await expect(input).toBeFocused();
  for (const title of ["First task", "Second task", "Third task"]) {
    await page.keyboard.type(title); // "j", "k", "x" typed in a field are just letters
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("task-item").filter({ hasText: title })).toBeVisible();
  }
  await expect(input).toHaveValue("");
  await page.keyboard.press("Tab"); // out of the field
  const toggle = (title: string) => page.getByTestId("task-item").filter({ hasText: title }).getByTestId("task-toggle");
  await page.keyboard.press("j");
  await expect(toggle("Third task")).toBeFocused(); // newest first among undated tasks
  await page.keyboard.press("j");
  await expect(toggle("Second task")).toBeFocused();
  await page.keyboard.press("k");
  await page.keyboard.press("j");
  await expect(toggle("Second task")).toBeFocused();

  await page.keyboard.press("x");
  await expect(toggle("Second task")).toBeChecked();
  await expect(page.getByText("Marked “Second task” as done")).toBeAttached(); // the server agreed
  await expect(toggle("Second task")).toBeFocused(); // focus kept on the task
  await page.keyboard.press("x");
  await expect(toggle("Second task")).not.toBeChecked();

  await page.keyboard.press("e");
  const editor = page.getByRole("form", { name: "Edit “Second task”" });
  await expect(editor.getByLabel("Title")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" edited");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-item").filter({ hasText: "Second task edited" })).toBeVisible();

  await page.keyboard.press("j"); // from the row's Edit button, to the next task
  await expect(toggle("First task")).toBeFocused();
  await page.keyboard.press("Delete");
  const confirm = page.getByRole("group", { name: "Delete “First task”?" });
  await expect(confirm.getByRole("button", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-item")).toHaveCount(2);

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("phone (390x844): the first task is on the first screen, nothing overflows", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await createTasks(page, [
    { title: "Buy groceries for the week", due_date: isoDay(0), tags: ["errands"] },
    { title: "Call the plumber", due_date: isoDay(1), due_time: "17:00" },
  ]);
  await page.reload();
  const first = page.getByTestId("task-item").first();
  await expect(first).toBeVisible();
  const box = (await first.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // The row's actions are in its menu on a phone.
  await first.getByRole("button", { name: /^More actions/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
});

test("screenshots: desktop and phone, light and dark", async ({ page }) => {
  await signUp(page);
  await createTasks(page, [
    { title: "Renew passport", due_date: isoDay(-1), priority: "high", tags: ["admin"] },
    { title: "Stand-up with the team", due_date: isoDay(0), due_time: "09:30", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", tags: ["work"] },
    { title: "Water the plants", due_date: isoDay(0), recurrence: "FREQ=WEEKLY;BYDAY=MO" },
    { title: "Pay rent", due_date: isoDay(2), recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", priority: "high", tags: ["home"] },
    { title: "Dentist appointment", due_date: isoDay(5), due_time: "14:00", description: "Bring the insurance card" },
    { title: "Read “The Pragmatic Programmer”", priority: "low", tags: ["books"] },
    { title: "Plan the summer trip" },
  ]);
  await page.reload();
  await page.getByRole("checkbox", { name: "Mark “Plan the summer trip” as done" }).check();
  await page.reload();
  await page.getByTestId("task-input").fill("call mom tomorrow at 5pm #family !high");
  await expect(page.getByTestId("quick-chip").first()).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, `dashboard-${scheme}.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `dashboard-phone-${scheme}.png`);
  }
});
