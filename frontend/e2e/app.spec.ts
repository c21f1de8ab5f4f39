import { chat, expect, isoDay, PASSWORD, screenshot, signUp, test, uniqueEmail } from "./fixtures";

// The whole flow in both chat UIs: ChatKit (its stand-in element), and the built-in UI, which
// `auto` picks when the CDN script cannot load (here: the network is down).
for (const ui of ["chatkit", "builtin"] as const) {
test.describe(`chat UI: ${ui}`, () => {
test.use({ chatkitScript: ui === "chatkit" ? "standin" : "abort" });
test("sign up, tasks, the assistant, live dashboard, history on /chat", async ({ page }) => {
  await test.step("sign up lands on an empty dashboard", async () => {
    await signUp(page);
    await expect(page.getByText("No tasks yet.")).toBeVisible();
    await expect(page.getByTestId("task-item")).toHaveCount(0);
  });

  await test.step("add a task in the UI with priority, due date and tags", async () => {
    await page.getByTestId("task-input").fill("Write the quarterly report");
    const form = page.getByRole("form", { name: "Add a task" });
    await form.getByRole("button", { name: "More" }).click(); // the detailed fields
    await form.getByLabel("Priority").selectOption("high");
    await form.getByLabel("Due date").fill(isoDay(1));
    await form.getByLabel("Tags").fill("work, Reports");
    await page.getByTestId("task-add").click();
    const item = page.getByTestId("task-item").filter({ hasText: "Write the quarterly report" });
    await expect(item).toBeVisible();
    await expect(item).toContainText("High");
    await expect(item).toContainText("Tomorrow");
    await expect(item).toContainText("#work");
    await expect(item).toContainText("#reports");
    await expect(page.getByTestId("task-input")).toHaveValue("");
    await expect(page.getByTestId("task-input")).toBeFocused();
  });

  // A marker that a page reload would wipe out.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const widget = page.getByTestId("chat-panel");
  const widgetChat = chat(widget, ui);

  await test.step("open the widget and ask the assistant to add a task", async () => {
    await expect(widget).toBeHidden();
    await page.getByTestId("chat-launcher").click();
    await expect(widget).toBeVisible();
    await expect(widget).toHaveAttribute("data-ready", "true");
    await expect(widgetChat.element.getByText("What should we get done?")).toBeVisible();
    await widgetChat.send("add a task to buy milk");
    await expect(widgetChat.user).toHaveText(["add a task to buy milk"]);
    await expect(widgetChat.assistant.last()).toHaveText(/^Added 'buy milk'\.$/i);
  });

  await test.step("the task appears on the dashboard without a reload", async () => {
    await expect(page.getByTestId("task-item").filter({ hasText: /buy milk/i })).toBeVisible();
    await expect(page.getByTestId("task-item")).toHaveCount(2);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // The title arrives with the end of the reply; the header shows it once history re-reads.
    await expect(widget.getByTestId("chat-title")).toHaveText(/buy milk/i);
    if (ui === "chatkit") await screenshot(page, "dashboard.png");
  });

  await test.step("the widget stays mounted while hidden", async () => {
    await widget.getByRole("button", { name: "Close the assistant" }).click();
    await expect(widget).toBeHidden();
    await expect(page.getByTestId("chat-launcher")).toBeFocused();
    await page.getByTestId("chat-launcher").click();
    await expect(widgetChat.assistant.last()).toHaveText(/^Added 'buy milk'\.$/i);
  });

  await test.step("after a reload the widget resumes the conversation", async () => {
    await page.reload();
    await page.getByTestId("chat-launcher").click();
    await expect(widget).toHaveAttribute("data-ready", "true");
    await expect(widgetChat.user).toHaveText(["add a task to buy milk"]);
    await expect(widgetChat.assistant.last()).toHaveText(/^Added 'buy milk'\.$/i);
    if (ui === "builtin") await expect(widgetChat.input).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(widget).toBeHidden();
    await expect(page.getByTestId("chat-launcher")).toBeFocused();
    await page.getByTestId("chat-launcher").click();
  });

  let firstThread = "";
  let firstTitle = "";
  await test.step("the conversation is in the history dropdown with its title, marked current", async () => {
    await widget.getByTestId("history-button").click();
    const item = widget.getByTestId("history-item");
    await expect(item).toHaveCount(1);
    // The title the backend gave the first message (a heuristic one with the offline model).
    await expect(item).toHaveAttribute("data-title", /^add a task to buy milk$/i);
    await expect(item).toHaveAttribute("aria-current", "true");
    await expect(widget.getByRole("region", { name: "Today" })).toBeVisible();
    firstThread = (await item.getAttribute("data-thread-id")) ?? "";
    expect(firstThread).toMatch(/^thr_/);
    firstTitle = (await item.getAttribute("data-title")) ?? "";
    await page.keyboard.press("Escape");
    await expect(item).toBeHidden();
    await expect(widget.getByTestId("history-button")).toBeFocused();
    await expect(widget.getByTestId("chat-title")).toHaveText(firstTitle);
  });

  const panel = page.getByTestId("chat-panel");
  const pageChat = chat(panel, ui);

  await test.step("open the same conversation on /chat", async () => {
    await widget.getByRole("link", { name: /Full page/ }).click();
    await page.waitForURL(`**/chat?thread=${firstThread}`);
    await expect(panel).toHaveAttribute("data-ready", "true");
    await expect(pageChat.user).toHaveText(["add a task to buy milk"]);
    await expect(pageChat.assistant).toHaveText([/^Added 'buy milk'\.$/i]);
    await expect(panel.getByTestId("chat-title")).toHaveText(firstTitle);
  });

  await test.step("rename it", async () => {
    await panel.getByTestId("history-button").click();
    await panel.getByRole("button", { name: `Rename “${firstTitle}”` }).click();
    const input = panel.getByLabel(`New title for “${firstTitle}”`);
    await input.fill("Groceries");
    await input.press("Enter");
    await expect(panel.getByTestId("history-item")).toHaveAttribute("data-title", "Groceries");
    await expect(panel.getByTestId("chat-title")).toHaveText("Groceries");
  });

  let secondThread = "";
  await test.step("start a new chat", async () => {
    await panel.getByTestId("new-chat").click();
    await expect(page).toHaveURL(/\/chat$/);
    await expect(panel.getByTestId("chat-title")).toHaveText("New conversation");
    await expect(pageChat.messages).toHaveCount(0);
    await pageChat.element.getByRole("button", { name: "What's overdue?" }).click();
    await expect(pageChat.assistant).toHaveCount(1);
    await page.waitForURL(/\/chat\?thread=thr_/);
    secondThread = new URL(page.url()).searchParams.get("thread") ?? "";
    expect(secondThread).not.toBe(firstThread);
    await panel.getByTestId("history-button").click();
    await expect(panel.getByTestId("history-item")).toHaveCount(2);
    // Newest first, the new one current.
    await expect(panel.getByTestId("history-item").first()).toHaveAttribute("aria-current", "true");
    await expect(panel.getByTestId("history-item").nth(1)).toContainText("Groceries");
  });

  await test.step("switch back to the first conversation", async () => {
    await panel.getByTestId("history-item").filter({ hasText: "Groceries" }).click();
    await page.waitForURL(`**/chat?thread=${firstThread}`);
    await expect(pageChat.user).toHaveText(["add a task to buy milk"]);
    await expect(panel.getByTestId("chat-title")).toHaveText("Groceries");
    await pageChat.send("mark it done");
    await expect(pageChat.assistant.last()).toHaveText(/^Marked 'buy milk' as done\.$/i);
    if (ui === "chatkit") await screenshot(page, "chat.png");
  });

  await test.step("delete it, with confirmation", async () => {
    await panel.getByTestId("history-button").click();
    await panel.getByRole("button", { name: "Delete “Groceries”" }).click();
    const confirm = panel.getByRole("group", { name: "Delete “Groceries”?" });
    await expect(confirm).toContainText("This cannot be undone.");
    await confirm.getByRole("button", { name: "Delete" }).click();
    // It was the open conversation: the chat starts afresh.
    await expect(page).toHaveURL(/\/chat$/);
    await expect(panel.getByTestId("chat-title")).toHaveText("New conversation");
    await expect(panel.getByTestId("history-item")).toHaveCount(1);
    await expect(panel.getByTestId("history-item")).not.toContainText("Groceries");
  });

  await test.step("the dashboard shows what the assistant did", async () => {
    await page.getByRole("link", { name: "Tasks" }).click();
    await page.getByRole("button", { name: /^Completed/ }).click(); // collapsed at the bottom
    const milk = page.getByTestId("task-item").filter({ hasText: /buy milk/i });
    await expect(milk).toBeVisible();
    await expect(milk).toHaveAttribute("data-completed", "true");
    await expect(milk.getByTestId("task-toggle")).toBeChecked();
  });
});
});
}

test("dashboard: edit inline, complete and reopen, filter, search, delete", async ({ page }) => {
  await signUp(page);
  for (const title of ["Pay rent", "Call mom", "Book dentist"]) {
    await page.getByTestId("task-input").fill(title);
    await page.getByTestId("task-input").press("Enter");
    await expect(page.getByTestId("task-item").filter({ hasText: title })).toBeVisible();
  }
  const items = page.getByTestId("task-item");
  await expect(items).toHaveCount(3);

  // Inline edit, from the keyboard.
  await page.getByRole("button", { name: "Edit “Call mom”" }).click();
  const editor = page.getByRole("form", { name: "Edit “Call mom”" });
  await editor.getByLabel("Title").fill("Call mom and dad");
  await editor.getByLabel("Priority").selectOption("high");
  await editor.getByLabel("Tags").fill("family");
  await editor.getByLabel("Title").press("Enter");
  const call = items.filter({ hasText: "Call mom and dad" });
  await expect(call).toContainText("High");
  await expect(call).toContainText("#family");
  await expect(page.getByRole("button", { name: "Edit “Call mom and dad”" })).toBeFocused();

  // Complete, then filter by status.
  await items.filter({ hasText: "Pay rent" }).getByTestId("task-toggle").check();
  await expect(items.filter({ hasText: "Pay rent" })).toHaveAttribute("data-completed", "true");
  const filtersButton = page.getByRole("button", { name: /Filter & sort/ });
  await filtersButton.click(); // filters and sort sit behind one control
  await page.getByText("Done", { exact: true }).click();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText("Pay rent");
  // Reopen: it leaves the "Done" list (click, not uncheck(): the row is gone once the list is re-read).
  await items.getByTestId("task-toggle").click();
  await expect(items).toHaveCount(0);
  await expect(page.getByText("No tasks match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(items).toHaveCount(3);

  // Tag and priority filters, search.
  await call.getByRole("button", { name: "Show tasks tagged family" }).click();
  await expect(items).toHaveCount(1);
  await filtersButton.click();
  await page.getByLabel("Filter by tag").selectOption("");
  await page.getByLabel("Filter by priority").selectOption("high");
  await expect(items).toHaveCount(1);
  await page.getByLabel("Filter by priority").selectOption("");
  await page.getByRole("searchbox", { name: "Search tasks" }).fill("dent");
  await expect(items).toHaveCount(1);
  await expect(items).toContainText("Book dentist");
  await page.getByRole("searchbox", { name: "Search tasks" }).fill("");
  await expect(items).toHaveCount(3);
  await page.keyboard.press("Escape"); // closes the filter panel, focus back on its button
  await expect(filtersButton).toBeFocused();

  // Delete asks first; cancel keeps it.
  await page.getByRole("button", { name: "Delete “Book dentist”" }).click();
  await page.getByRole("group", { name: "Delete “Book dentist”?" }).getByRole("button", { name: "Cancel" }).click();
  await expect(items).toHaveCount(3);
  await page.getByRole("button", { name: "Delete “Book dentist”" }).click();
  await page.getByRole("group", { name: "Delete “Book dentist”?" }).getByRole("button", { name: "Delete" }).click();
  await expect(items).toHaveCount(2);
  await page.reload();
  await expect(items).toHaveCount(2);
});

test("phone width: the dashboard and the widget fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page);
  await page.getByTestId("task-input").fill("A task with a rather long title that has to wrap on a small screen");
  await page.getByTestId("task-add").click();
  await expect(page.getByTestId("task-item")).toHaveCount(1);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByTestId("chat-launcher").click();
  const panel = page.getByTestId("chat-panel");
  await expect(panel).toHaveAttribute("data-ready", "true");
  const box = await panel.boundingBox();
  expect(box && box.width).toBeLessThanOrEqual(375);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await panel.getByRole("button", { name: "Close the assistant" }).click();
  await expect(page.getByTestId("chat-launcher")).toBeVisible();
});

test("unauthenticated visits go to the login page, and back after logging in", async ({ page }) => {
  const email = await signUp(page);
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL("**/login");

  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await page.goto("/chat?thread=thr_missing");
  await expect(page).toHaveURL(/\/login\?next=%2Fchat%3Fthread%3Dthr_missing$/);

  await page.goto("/login?next=%2Fchat");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/chat");
  await expect(page.getByTestId("chat-panel")).toBeVisible();

  // Logged in, the start page leads to the dashboard.
  await page.goto("/");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("an expired session inside the chat leads to the login page", async ({ page, context }) => {
  const email = await signUp(page, uniqueEmail("expired"));
  await page.goto("/chat");
  const panel = page.getByTestId("chat-panel");
  await expect(panel).toHaveAttribute("data-ready", "true");
  const c = chat(panel);
  await c.send("add a task to water the plants");
  await page.waitForURL(/\/chat\?thread=thr_/);
  await expect(c.assistant).toHaveCount(1);
  await page.waitForLoadState("networkidle"); // the reply and the history refresh are done
  const here = new URL(page.url());

  // The session cookie no longer holds a valid token (as after expiry or a password change).
  const [cookie] = (await context.cookies()).filter((k) => k.name === "todo_session");
  expect(cookie).toBeDefined();
  await context.addCookies([{ ...cookie!, value: `${cookie!.value.slice(0, -4)}AAAA` }]);

  await c.send("what's overdue?");
  await page.waitForURL("**/login?**");
  const url = new URL(page.url());
  expect(url.searchParams.get("next")).toBe(here.pathname + here.search);
  expect(url.searchParams.get("expired")).toBe("1");
  await expect(page.getByText("Your session has ended. Please log in again.")).toBeVisible();
  // The stale cookie was cleared on the way out.
  expect((await context.cookies()).some((k) => k.name === "todo_session")).toBe(false);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`**${here.pathname}${here.search}`);
  await expect(chat(panel).user.first()).toHaveText("add a task to water the plants");
});

test("a cleared cookie: the next chat request redirects to the login page", async ({ page, context }) => {
  await signUp(page, uniqueEmail("cleared"));
  await page.getByTestId("chat-launcher").click();
  const panel = page.getByTestId("chat-panel");
  await expect(panel).toHaveAttribute("data-ready", "true");
  await context.clearCookies();
  await chat(panel).send("add a task to buy bread");
  await page.waitForURL("**/login?next=%2Fdashboard&expired=1");
});

// NEXT_PUBLIC_CHAT_UI is "auto" in the build under test: ChatKit when its script is ready,
// the built-in UI when it fails or is not ready within 3 s. Never a dead end.
test.describe("auto: which chat UI", () => {
  for (const script of ["404", "abort", "hang"] as const) {
    test.describe(`CDN script: ${script}`, () => {
      test.use({ chatkitScript: script });
      test("the built-in UI within 3 s, and it works", async ({ page }) => {
        await signUp(page);
        const started = Date.now();
        await page.getByTestId("chat-launcher").click();
        const panel = page.getByTestId("chat-panel");
        await page.waitForFunction(() => document.querySelector('[data-testid="chat-panel"][data-ui="builtin"]'), null, {
          polling: "raf",
          timeout: 4_000,
        });
        expect(Date.now() - started).toBeLessThan(3_500); // 3 s, plus a click and a render
        await expect(panel).toHaveAttribute("data-ui", "builtin");
        const c = chat(panel, "builtin");
        await expect(c.input).toBeFocused();
        await expect(page.getByTestId("history-button")).toBeEnabled();
        await c.send("add a task to call the plumber");
        await expect(c.assistant.last()).toHaveText(/^Added 'call the plumber'\.$/i);
        await expect(page.getByTestId("task-item").filter({ hasText: /call the plumber/i })).toBeVisible();
      });
    });
  }

  test("ChatKit reporting an error before it is ready (an unregistered domain key): the built-in UI", async ({ page }) => {
    await page.addInitScript(() => ((window as unknown as { __standinRejectDomainKey: boolean }).__standinRejectDomainKey = true));
    await signUp(page);
    await page.goto("/chat");
    const panel = page.getByTestId("chat-panel");
    await expect(panel).toHaveAttribute("data-ui", "builtin");
    const c = chat(panel, "builtin");
    await c.send("what's overdue?");
    await expect(c.assistant).toHaveCount(1);
  });

  test("with the script served, it uses ChatKit", async ({ page }) => {
    await signUp(page);
    await page.goto("/chat");
    const panel = page.getByTestId("chat-panel");
    await expect(panel).toHaveAttribute("data-ui", "chatkit");
    await expect(panel).toHaveAttribute("data-ready", "true");
    await expect(panel.locator("openai-chatkit")).toBeVisible();
    await expect(panel.locator('[data-chat-ui="builtin"]')).toHaveCount(0);
  });
});
