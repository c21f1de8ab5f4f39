/**
 * Task widgets in the built-in chat and the dashboard's Undo toast, against the real backend
 * (offline model); the ChatKit CDN is blocked, so the built-in UI renders the widgets.
 */
import fs from "node:fs";
import path from "node:path";

import type { Locator, Page } from "@playwright/test";

import { builtinChat, expect, signUp, test } from "./fixtures";

test.use({ chatkitScript: "abort" });

/** A task due today (the browser's today, sent with its time zone), made through the API. */
async function addTaskDueToday(page: Page, title: string, more: { priority?: string; tags?: string[] } = {}): Promise<number> {
  return page.evaluate(async ({ t, more }) => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const r = await fetch("/api/tasks", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Timezone": Intl.DateTimeFormat().resolvedOptions().timeZone },
      body: JSON.stringify({ title: t, due_date: today, ...more }),
    });
    if (!r.ok) throw new Error(`POST /api/tasks: ${r.status}`);
    return ((await r.json()) as { id: number }).id;
  }, { t: title, more });
}

async function completedOnServer(page: Page, id: number): Promise<boolean> {
  return page.evaluate(async (taskId) => ((await (await fetch(`/api/tasks/${taskId}`)).json()) as { completed: boolean }).completed, id);
}

function dashboardRow(page: Page, title: string): Locator {
  return page.getByTestId("task-item").filter({ hasText: title });
}

test("a task list in the chat: tick a row, the dashboard follows, Undo opens it again", async ({ page }) => {
  await signUp(page);
  const id = await addTaskDueToday(page, "Buy milk", { priority: "high", tags: ["errands"] });
  await page.reload();
  const row = dashboardRow(page, "Buy milk");
  await expect(row).toHaveAttribute("data-completed", "false");

  await page.getByTestId("chat-launcher").click();
  const panel = page.getByTestId("chat-panel");
  const c = builtinChat(panel);
  await c.send("what's due today?");
  const list = c.log.getByTestId("chat-widget").filter({ has: page.getByRole("checkbox") }).last();
  const open = list.getByRole("checkbox", { name: "Mark 'Buy milk' done" });
  await expect(open).not.toBeChecked();
  await expect(list).toContainText("Buy milk");

  await test.step("tick it (keyboard): redrawn in place, the dashboard updates", async () => {
    await open.focus();
    await page.keyboard.press("Space");
    const done = list.getByRole("checkbox", { name: "Mark 'Buy milk' not done" });
    await expect(done).toBeChecked();
    await expect(done).toBeEnabled(); // the action is over
    await expect(row).toHaveAttribute("data-completed", "true");
    expect(await completedOnServer(page, id)).toBe(true);
  });

  await test.step("Undo: the task is open again", async () => {
    await c.log.getByRole("button", { name: "Undo" }).last().click();
    await expect(row).toHaveAttribute("data-completed", "false");
    expect(await completedOnServer(page, id)).toBe(false);
    await expect(c.log.getByRole("alert")).toHaveCount(0);
  });
});

test("a reply that changed tasks ends with Undo; the card then says what was undone", async ({ page }) => {
  await signUp(page);
  await page.getByTestId("chat-launcher").click();
  const c = builtinChat(page.getByTestId("chat-panel"));
  await c.send("add a task to buy bread");
  await expect(dashboardRow(page, "buy bread")).toHaveCount(1);
  const card = c.log.getByTestId("chat-widget").last();
  const undo = card.getByRole("button", { name: "Undo" });
  await undo.focus();
  await page.keyboard.press("Enter");
  await expect(card).toContainText(/^Undone/);
  await expect(card.getByRole("button")).toHaveCount(0);
  await expect(card).toBeFocused(); // the button is gone; the focus stays on its card
  await expect(dashboardRow(page, "buy bread")).toHaveCount(0);
});

test("the dashboard's toast undoes a complete and a delete", async ({ page }) => {
  await signUp(page);
  await addTaskDueToday(page, "Water the plants");
  await page.reload();
  const row = dashboardRow(page, "Water the plants");
  const toasts = page.locator("[data-sonner-toast]");

  await test.step("complete, then Undo in the toast", async () => {
    await row.getByTestId("task-toggle").click();
    await expect(row).toHaveAttribute("data-completed", "true");
    const toast = toasts.filter({ hasText: "Completed 'Water the plants'" });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(toasts.filter({ hasText: "Undone" })).toBeVisible();
    await expect(row).toHaveAttribute("data-completed", "false");
  });

  await test.step("delete, then Undo by keyboard: the task is back", async () => {
    await row.getByRole("button", { name: "Delete “Water the plants”" }).click();
    await page.getByRole("group", { name: "Delete “Water the plants”?" }).getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    const undo = toasts.filter({ hasText: "Deleted 'Water the plants'" }).getByRole("button", { name: "Undo" });
    await expect(undo).toBeVisible();
    // Sonner's hotkey (Alt+T) takes the focus to the toasts; Tab reaches the button.
    await page.keyboard.press("Alt+KeyT");
    for (let i = 0; i < 3 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(undo).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-completed", "false");
  });
});

/** The README's picture of a task list in the chat (desktop width); docs/ with UPDATE_SCREENSHOTS=1. */
test("screenshot: a task list in the built-in chat", async ({ page }) => {
  await signUp(page);
  await addTaskDueToday(page, "Water the plants", { priority: "low", tags: ["home"] });
  await addTaskDueToday(page, "Call mom", { tags: ["family"] });
  await addTaskDueToday(page, "Send the quarterly report to Dana", { priority: "high", tags: ["work"] });
  await addTaskDueToday(page, "Buy milk", { tags: ["errands"] });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto("/chat");
  const c = builtinChat(page.getByTestId("chat-panel"));
  await c.send("what's due today?");
  const list = c.log.getByTestId("chat-widget").last();
  await list.getByRole("checkbox", { name: "Mark 'Call mom' done" }).click();
  await expect(list.getByRole("checkbox", { name: "Mark 'Call mom' not done" })).toBeChecked();
  await expect(list.getByRole("button", { name: "Undo" })).toBeEnabled();
  await page.mouse.move(0, 0);

  const name = "builtin-task-widget.png";
  const file = path.resolve(import.meta.dirname, "..", "test-results", "screenshots", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.copyFileSync(file, path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots", name));
  }
});
