/**
 * Security of the frontend as a browser and an attacker meet it: the /api proxy does not let a
 * client choose its address, and the pages' Content-Security-Policy is never violated by the
 * app's own normal flows.
 */
import http from "node:http";
import type { Page } from "@playwright/test";

import { chat, expect, signUp, test, uniqueEmail, PASSWORD } from "./fixtures";

/** One login attempt through the frontend, from a loopback address of our choosing (so this
 * test's per-address count is its own), with forged forwarding headers. */
function loginFrom(localAddress: string, headers: Record<string, string>, email: string): Promise<number> {
  const url = new URL("/api/auth/login", process.env.E2E_BASE_URL);
  const body = JSON.stringify({ email, password: "wrong password" });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        localAddress,
        headers: { "Content-Type": "application/json", Origin: url.origin, ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("forged X-Forwarded-For, X-Real-IP and Forwarded do not evade the per-address login limit", async () => {
  const limit = Number(process.env.E2E_LOGIN_LIMIT_PER_IP);
  const codes: number[] = [];
  for (let i = 0; i < limit + 3; i++) {
    codes.push(
      await loginFrom(
        "127.0.0.2",
        {
          "X-Forwarded-For": `203.0.113.${i}`,
          "X-Real-IP": `198.51.100.${i}`,
          Forwarded: `for=192.0.2.${i}`,
        },
        uniqueEmail("sprayed"),
      ),
    );
  }
  expect(codes.slice(0, limit)).toEqual(Array(limit).fill(401));
  expect(codes.slice(limit)).toEqual([429, 429, 429]);
  // Another address is counted apart: the limit follows the connection, not a header.
  expect(await loginFrom("127.0.0.3", { "X-Forwarded-For": "127.0.0.2" }, uniqueEmail("other"))).toBe(401);
});

/** Every CSP violation the page reports, from the document and from the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("the normal flows run without a single CSP violation", async ({ page }) => {
  const violations = await watchCsp(page);

  const login = await page.goto("/login");
  const csp = login!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(login!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(login!.headers()["strict-transport-security"]).toBeUndefined(); // http here

  // Sign up, log out, log in again.
  const email = await signUp(page);
  await page.getByRole("button", { name: /log out/i }).click();
  await page.waitForURL("**/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/dashboard");

  // Add a task.
  await page.getByTestId("task-input").fill("Water the ferns");
  await page.getByTestId("task-add").click();
  await expect(page.getByTestId("task-item").filter({ hasText: "Water the ferns" })).toBeVisible();

  // The chat widget on the dashboard (the ChatKit stand-in, served at the CDN's address).
  await page.getByTestId("chat-launcher").click();
  const widget = page.getByTestId("chat-panel");
  await expect(widget).toHaveAttribute("data-ready", "true");
  await chat(widget).send("show my tasks");
  await expect(chat(widget).assistant.last()).toContainText(/ferns/i);

  // The /chat page.
  await page.goto("/chat");
  const panel = page.getByTestId("chat-panel");
  await expect(panel).toHaveAttribute("data-ready", "true");
  await chat(panel).send("add a task to repot the cactus");
  await expect(chat(panel).assistant.last()).toContainText(/cactus/i);

  expect(violations).toEqual([]);
  // And the watch works: an injected inline script is refused, and reported.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations[0]).toMatch(/script-src/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("a page cannot be framed, and the nonce changes on every load", async ({ page }) => {
  const first = (await page.goto("/login"))!.headers()["content-security-policy"] ?? "";
  const second = (await page.goto("/login"))!.headers()["content-security-policy"] ?? "";
  const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first)).not.toBe(nonce(second));
  // The inline scripts Next.js renders carry this response's nonce.
  const scripts = await page.locator("script[nonce]").count();
  expect(scripts).toBeGreaterThan(0);
});

test("the password estimator loads on the signup form only, and shows why as one types", async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.text().catch(() => ""));
  });
  const hasEstimator = async () => (await Promise.all(scripts)).some((js) => js.includes("heavily used password"));

  await page.goto("/login");
  await page.getByLabel("Password").fill("password");
  expect(await hasEstimator()).toBe(false);

  await page.goto("/signup");
  expect(await hasEstimator()).toBe(false);
  await page.getByLabel("Email").fill(uniqueEmail("meter"));
  await page.getByLabel("Password").fill("password");
  await expect(page.getByTestId("password-strength")).toContainText("Too easy to guess");
  expect(await hasEstimator()).toBe(true);
  await page.screenshot({ path: "test-results/e2e/signup-weak.png" });

  // The server decides: it refuses the same password, and says why.
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "password" })).toContainText("too easy to guess");

  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByRole("meter", { name: "Strength" })).toHaveAttribute("aria-valuenow", "4");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/e2e/signup-strong-phone.png" });
});
