import { expect, signUp, test } from "./fixtures";

test("connect an AI app: create a token, it is shown once, it works, revoke it", async ({ page, request }) => {
  await signUp(page);
  await page.getByRole("link", { name: "Apps" }).click();
  await expect(page.getByRole("heading", { name: "Connect an AI app" })).toBeVisible();
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId("mcp-url")).toHaveText(`${origin}/api/mcp`);
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Token name").fill("Claude Desktop");
  await page.getByLabel("Read and write (add, change, complete and delete tasks)").check();
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Create token" }).click();

  const secret = await page.getByTestId("token-secret").inputValue();
  expect(secret).toMatch(/^tdo_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("heading", { name: "Copy your new token now" })).toBeFocused();
  // The snippets carry the real address and, while it is on screen, the token.
  await expect(page.getByTestId("config-cursor")).toContainText(`${origin}/api/mcp`);
  await expect(page.getByTestId("config-claude-code")).toContainText(`Bearer ${secret}`);
  const item = page.getByTestId("token-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Claude Desktop");
  await expect(item).toContainText("Read and write");
  await expect(item).toContainText("last used never");

  // The token works from a script (no cookie), on the task API.
  const headers = { Authorization: `Bearer ${secret}` };
  const added = await request.post(`${origin}/api/tasks`, { headers, data: { title: "from a script" } });
  expect(added.status()).toBe(201);

  // Shown once: after "I have copied it", or on a reload, the secret is nowhere on the page.
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("token-item")).toContainText("last used");
  await expect(page.getByTestId("token-item")).not.toContainText("last used never");
  expect(await page.content()).not.toContain(secret);
  await expect(page.getByTestId("config-cursor")).toContainText("tdo_YOUR_TOKEN");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke Claude Desktop" }).click();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  const refused = await request.get(`${origin}/api/tasks`, { headers });
  expect(refused.status()).toBe(401);
});
