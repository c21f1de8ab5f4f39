/**
 * The built-in chat UI against real backends, every outside request blocked (the ChatKit CDN
 * too, so `auto` picks the built-in UI). Stop and Retry use the fault backend (global-setup):
 * the offline model, except "[hang]" (the reply stops halfway) and "[fail-once]" (the first
 * answer fails as if the provider were down).
 */
import type { Page } from "@playwright/test";

import { builtinChat, expect, PASSWORD, signUp, test, uniqueEmail } from "./fixtures";

test.use({ chatkitScript: "abort" });

async function signUpAt(page: Page, origin: string) {
  await page.goto(`${origin}/signup`);
  await page.getByLabel("Email").fill(uniqueEmail("builtin"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL("**/dashboard");
}

/** Seeds a conversation through the protocol itself: `turns` user messages, each answered. */
async function seedConversation(page: Page, turns: number): Promise<string> {
  return page.evaluate(async (n) => {
    const pad = (i: number) => String(i).padStart(2, "0");
    const input = (text: string) => ({ content: [{ type: "input_text", text }], attachments: [], inference_options: {} });
    const post = async (body: object) => {
      const r = await fetch("/api/chatkit", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`${r.status}`);
      return r.text();
    };
    const first = await post({ type: "threads.create", params: { input: input(`message ${pad(1)}`) } });
    const created = first.split("\n").find((l) => l.includes('"thread.created"'))!;
    const threadId = (JSON.parse(created.slice(6)) as { thread: { id: string } }).thread.id;
    for (let i = 2; i <= n; i++) {
      await post({ type: "threads.add_user_message", params: { thread_id: threadId, input: input(`message ${pad(i)}`) } });
    }
    return threadId;
  }, turns);
}

test("a 60-message conversation opens at its newest message; scrolling up loads older ones", async ({ page }) => {
  await signUp(page);
  const threadId = await seedConversation(page, 30);
  await page.goto(`/chat?thread=${threadId}`);
  const c = builtinChat(page.getByTestId("chat-panel"));
  const newest = c.user.filter({ hasText: /^message 30$/ });
  await expect(newest).toBeInViewport();
  await expect(c.assistant.last()).toBeInViewport();
  // Only the newest page is there at first.
  await expect(c.user.filter({ hasText: /^message 01$/ })).toHaveCount(0);
  const loadedFirst = await c.messages.count();
  expect(loadedFirst).toBeLessThan(60);

  const scroller = c.element.locator("div.overflow-y-auto").first();
  await expect(async () => {
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(c.user.filter({ hasText: /^message 01$/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(c.messages).toHaveCount(60);
  // In order, oldest first, none twice.
  const users = await c.user.allTextContents();
  expect(users).toEqual(Array.from({ length: 30 }, (_, i) => `message ${String(i + 1).padStart(2, "0")}`));
});

test("hostile content renders inert and does not break the layout", async ({ page }) => {
  await signUp(page);
  await page.goto("/chat");
  const panel = page.getByTestId("chat-panel");
  const c = builtinChat(panel);
  const attacks = [
    `add a task to <img src=x onerror="window.__pwned=1"> now`,
    "add a task to [open me](javascript:window.__pwned=2)",
  ];
  for (const text of attacks) {
    await c.send(text);
    await expect(c.sendButton).toBeVisible(); // the reply is over
  }
  await c.send("x".repeat(9_990));
  await expect(c.user).toHaveCount(3);
  await expect(c.sendButton).toBeVisible();

  // Shown as the text it is.
  await expect(c.user.filter({ hasText: '<img src=x onerror="window.__pwned=1">' })).toBeVisible();
  const log = c.log;
  await expect(log.locator("img")).toHaveCount(0);
  await expect(log.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(log.locator("[onerror]")).toHaveCount(0);
  for (const a of await log.locator("a").all()) {
    expect(await a.getAttribute("href")).toMatch(/^(https?:|mailto:)/);
    expect(await a.getAttribute("rel")).toBe("noopener noreferrer");
  }
  // The 10 kB line wraps: nothing wider than the chat, no sideways scrolling of the page.
  const widths = await panel.evaluate((el) => {
    const scroller = el.querySelector('[data-chat-ui="builtin"] .overflow-y-auto') as HTMLElement;
    return { scroll: scroller.scrollWidth, client: scroller.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
  });
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(widths.page).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByTestId("task-item").first()).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("Stop in the middle of a reply keeps the partial text, and the next message works", async ({ page }) => {
  const origin = process.env.E2E_FAULT_BASE_URL!;
  await signUpAt(page, origin);
  await page.goto(`${origin}/chat`);
  const c = builtinChat(page.getByTestId("chat-panel"));
  await c.send("tell me a story [hang]");
  await expect(c.assistant.last()).toHaveText("Half of an answer");
  await c.stopButton.click();
  await expect(c.stopButton).toHaveCount(0);
  await expect(c.assistant.last()).toHaveText("Half of an answer");

  await c.send("what's overdue?");
  await expect(c.assistant).toHaveCount(2);
  await expect(c.assistant.last()).not.toHaveText("");
  await expect(c.sendButton).toBeVisible();

  // The server kept the partial reply: it is there after a reload.
  await page.waitForURL(/thread=thr_/);
  await page.reload();
  await expect(c.assistant.first()).toHaveText("Half of an answer");
  await expect(c.assistant).toHaveCount(2);
});

test("a provider error shows Retry, and Retry works", async ({ page }) => {
  const origin = process.env.E2E_FAULT_BASE_URL!;
  await signUpAt(page, origin);
  await page.goto(`${origin}/chat`);
  const panel = page.getByTestId("chat-panel");
  const c = builtinChat(panel);
  await c.send("add a task to renew the passport [fail-once]");
  const alert = c.log.getByRole("alert");
  await expect(alert).toContainText("The assistant is unavailable right now");
  await expect(c.assistant).toHaveCount(0);
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(c.assistant).toHaveCount(1);
  await expect(c.assistant.last()).toHaveText(/^Added 'renew the passport/i);
  await expect(alert).toHaveCount(0);
  await expect(c.user).toHaveCount(1); // the message was answered again, not sent twice
});

test("HTTP errors: a message too long for the server keeps the draft and says why", async ({ page }) => {
  await signUp(page);
  await page.goto("/chat");
  const c = builtinChat(page.getByTestId("chat-panel"));
  // The composer stops at 10,000 characters; bypass it to reach the server's own check.
  await c.input.evaluate((el: HTMLTextAreaElement) => el.removeAttribute("maxlength"));
  const draft = "y".repeat(10_001);
  await c.input.fill(draft);
  await c.input.press("Enter");
  await expect(c.element.getByRole("alert")).toContainText("Your message was not sent");
  await expect(c.input).toHaveValue(draft);
  await expect(c.user).toHaveCount(0);
});

test("a cleared session: the next message leads to the login page", async ({ page, context }) => {
  await signUp(page);
  await page.goto("/chat");
  const c = builtinChat(page.getByTestId("chat-panel"));
  await expect(c.input).toBeVisible();
  await context.clearCookies();
  await c.send("add a task to buy bread");
  await page.waitForURL("**/login?next=%2Fchat&expired=1");
});
