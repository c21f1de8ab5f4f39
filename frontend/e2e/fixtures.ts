import { expect, test as base, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

/** The default NEXT_PUBLIC_CHATKIT_SCRIPT_URL, which the build under test uses. */
export const CHATKIT_CDN = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";
export const STANDIN = path.join(import.meta.dirname, "chatkit-standin.js");

type Fixtures = {
  /** How the ChatKit CDN script is answered: the stand-in element, or a failure. */
  chatkitScript: "standin" | "404" | "abort" | "hang";
};

export const test = base.extend<Fixtures>({
  chatkitScript: ["standin", { option: true }],
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  context: async ({ context, chatkitScript }, use) => {
    // Nothing leaves the machine: the CDN script is served from e2e/, anything else external fails.
    await context.route(
      (url) => !["127.0.0.1", "localhost"].includes(url.hostname),
      async (route) => {
        if (route.request().url() !== CHATKIT_CDN) return route.abort("internetdisconnected");
        if (chatkitScript === "standin") {
          return route.fulfill({ path: STANDIN, contentType: "text/javascript; charset=utf-8" });
        }
        if (chatkitScript === "404") return route.fulfill({ status: 404, body: "Not found" });
        if (chatkitScript === "hang") {
          // Never answered while a test lasts (a stalled CDN); dropped at the end.
          await new Promise((resolve) => setTimeout(resolve, 30_000));
          return route.abort("timedout").catch(() => undefined);
        }
        return route.abort("internetdisconnected");
      },
    );
    await use(context);
  },
});

export { expect };

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "test-results", "screenshots");
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots");

/** Saved as a test artefact; copied to docs/screenshots/ when UPDATE_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: "image/png" });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, name));
  }
}

/** A calendar day `offset` days from today, in the browser's zone ("YYYY-MM-DD"). */
export function isoDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = "correct horse battery";

export async function signUp(page: Page, email = uniqueEmail()): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL("**/dashboard");
  return email;
}

/** The ChatKit element inside a chat panel, and its composer. */
/** The chat in a panel, whichever UI it is: ChatKit (the stand-in) or the built-in one. */
export function chat(panel: Locator, ui: "chatkit" | "builtin" = "chatkit") {
  if (ui === "builtin") return builtinChat(panel);
  const element = panel.locator("openai-chatkit");
  return {
    element,
    input: element.getByRole("textbox", { name: "Message the assistant" }),
    messages: element.locator(".msg"),
    assistant: element.locator('.msg[data-role="assistant"]'),
    user: element.locator('.msg[data-role="user"]'),
    async send(text: string) {
      await this.input.fill(text);
      await this.input.press("Enter");
    },
  };
}

/** The built-in UI, through its accessibility contract (docs/CONTRACT.md, "Chat UI"). */
export function builtinChat(panel: Locator) {
  const element = panel.locator('[data-chat-ui="builtin"]');
  const messages = element.getByTestId("chat-message");
  return {
    element,
    log: element.getByRole("log"),
    input: element.getByRole("textbox", { name: "Message the assistant" }),
    messages,
    assistant: element.locator('[data-testid="chat-message"][data-author="assistant"]'),
    user: element.locator('[data-testid="chat-message"][data-author="user"]'),
    sendButton: element.getByRole("button", { name: "Send" }),
    stopButton: element.getByRole("button", { name: "Stop" }),
    /** As a person would: after the previous reply has finished (Send, not Stop, is showing). */
    async send(text: string) {
      await this.input.fill(text);
      await expect(this.sendButton).toBeEnabled();
      await this.input.press("Enter");
    },
  };
}
