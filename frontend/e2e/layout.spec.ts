/**
 * Layout of the chat in both UIs (the ChatKit stand-in and the built-in UI): the history panel
 * stays inside the floating widget, and on a phone the launcher covers no task controls and
 * opening the widget does not move the page sideways. Screenshots of the built-in UI go to
 * test-results/screenshots (and docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import type { Locator, Page } from "@playwright/test";

import { expect, screenshot, signUp, test } from "./fixtures";

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

function inside(inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) {
  expect(inner.x).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.y).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

async function addTasks(page: Page, n: number) {
  for (let i = 1; i <= n; i++) {
    await page.getByTestId("task-input").fill(`Task number ${i}`);
    await page.getByTestId("task-input").press("Enter");
    await expect(page.getByTestId("task-item")).toHaveCount(i);
  }
}

for (const ui of ["chatkit", "builtin"] as const) {
  test.describe(`chat UI: ${ui}`, () => {
    test.use({ chatkitScript: ui === "chatkit" ? "standin" : "abort" });

    for (const viewport of [
      { name: "desktop", width: 1280, height: 800 },
      { name: "phone", width: 390, height: 844 },
    ]) {
      test(`${viewport.name}: the history panel fits inside the widget`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await signUp(page);
        await page.getByTestId("chat-launcher").click();
        const panel = page.getByTestId("chat-panel");
        await expect(panel).toHaveAttribute("data-ui", ui);
        await expect(panel).toHaveAttribute("data-ready", "true");
        await panel.getByTestId("history-button").click();
        const history = panel.getByRole("dialog", { name: "Conversation history" });
        await expect(history).toBeVisible();
        inside(await box(history), await box(page.locator("#chat-widget")));
        inside(await box(panel.getByTestId("new-chat")), await box(page.locator("#chat-widget")));
      });
    }

    test("phone: the launcher covers no task controls; opening the widget does not shift the page", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signUp(page);
      await addTasks(page, 12);
      const launcher = page.getByTestId("chat-launcher");
      // A floating button over a visible row hides that row's buttons (the bug). On a phone the
      // launcher is a bar across the bottom instead: a row under it is below the fold as a whole,
      // never a row showing with its controls covered.
      const coveredControls = async () => {
        const l = await box(launcher);
        const hits: string[] = [];
        for (const row of await page.getByTestId("task-item").all()) {
          const r = await box(row);
          if (r.y + r.height <= l.y || l.y + l.height <= r.y) continue; // not level with it
          if (l.x <= r.x && l.x + l.width >= r.x + r.width) continue; // the whole row is under it
          for (const control of await row.locator("button, input, a").all()) {
            const c = await control.boundingBox();
            if (!c) continue;
            const apart = c.x + c.width <= l.x || l.x + l.width <= c.x || c.y + c.height <= l.y || l.y + l.height <= c.y;
            if (!apart) hits.push((await control.getAttribute("aria-label")) ?? (await control.innerText()));
          }
        }
        return hits;
      };
      for (const y of [0, 150, 300, 450, 100_000]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        expect(await coveredControls()).toEqual([]);
      }
      // ...and the last task's controls can be scrolled clear of it.
      const lastRow = await box(page.getByTestId("task-item").last());
      expect(lastRow.y + lastRow.height).toBeLessThanOrEqual((await box(launcher)).y);

      await page.evaluate(() => window.scrollTo(0, 0));
      const mainBefore = await box(page.locator("main"));
      await launcher.click();
      await expect(page.getByTestId("chat-panel")).toHaveAttribute("data-ready", "true");
      const mainAfter = await box(page.locator("main"));
      expect(mainAfter.x).toBe(mainBefore.x);
      expect(mainAfter.width).toBe(mainBefore.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      if (ui === "builtin") {
        await expect(page.getByRole("textbox", { name: "Message the assistant" })).toBeFocused();
        await screenshot(page, "builtin-widget-phone.png");
      }
    });
  });
}

test.describe("built-in UI screenshots", () => {
  test.use({ chatkitScript: "abort" });
  test("the widget and /chat, desktop and phone", async ({ page }) => {
    await signUp(page);
    await addTasks(page, 3);
    await page.getByTestId("chat-launcher").click();
    const panel = page.getByTestId("chat-panel");
    const input = panel.getByRole("textbox", { name: "Message the assistant" });
    await expect(input).toBeFocused();
    await screenshot(page, "builtin-start.png");
    await input.fill("add a task to buy milk tomorrow #errands");
    await input.press("Enter");
    await expect(panel.locator('[data-author="assistant"]')).toHaveCount(1);
    await expect(panel.getByRole("button", { name: "Send" })).toBeVisible(); // the reply is over
    await input.fill("what's due this week?");
    await input.press("Enter");
    await expect(panel.locator('[data-author="assistant"]')).toHaveCount(2);
    await expect(panel.getByRole("button", { name: "Send" })).toBeVisible();
    await screenshot(page, "builtin-widget.png");
    await panel.getByRole("link", { name: /Full page/ }).click();
    await page.waitForURL(/\/chat\?thread=/);
    await expect(page.getByTestId("chat-panel").locator('[data-author="assistant"]')).toHaveCount(2);
    await screenshot(page, "builtin-chat.png");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "builtin-chat-phone.png");
  });
});
