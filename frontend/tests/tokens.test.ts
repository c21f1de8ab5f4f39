import { describe, expect, it } from "vitest";

import { clientConfigs, mcpUrl, TOKEN_PLACEHOLDER } from "@/lib/tokens";

describe("AI app configuration", () => {
  const url = mcpUrl("https://todo.example.com/");

  it("points every client at the site's /api/mcp", () => {
    expect(url).toBe("https://todo.example.com/api/mcp");
    for (const config of clientConfigs(url)) expect(config.text).toContain(url);
  });

  it("puts the token in the Authorization header, or a placeholder", () => {
    const byId: Record<string, string> = Object.fromEntries(
      clientConfigs(url, "tdo_abc").map((c) => [c.id, c.text]),
    );
    const text = (id: string) => byId[id] ?? "";
    expect(JSON.parse(text("cursor")).mcpServers.todo.headers.Authorization).toBe("Bearer tdo_abc");
    expect(text("claude-code")).toBe(
      `claude mcp add --transport http todo ${url} --header "Authorization: Bearer tdo_abc"`,
    );
    const desktop = JSON.parse(text("claude-desktop")).mcpServers.todo;
    expect(desktop.args).toContain(url);
    expect(desktop.env.TODO_AUTH).toBe("Bearer tdo_abc");
    // VS Code prompts for the secret instead of keeping it in the file.
    const vscode = JSON.parse(text("vscode"));
    expect(vscode.servers.todo).toMatchObject({ type: "http", url });
    expect(text("vscode")).not.toContain("tdo_abc");
    expect(clientConfigs(url).every((c) => c.id === "vscode" || c.text.includes(TOKEN_PLACEHOLDER))).toBe(true);
  });
});
