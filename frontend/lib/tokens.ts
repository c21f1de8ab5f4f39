/** Personal access tokens (/api/tokens) and the configuration that connects an AI app with one. */
import { apiJson } from "./http";

export type Scope = "tasks:read" | "tasks:write";

export type AccessToken = {
  id: number;
  name: string;
  scopes: Scope[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
};

export type CreatedToken = AccessToken & { token: string };

export type TokenInput = { name: string; scopes: Scope[]; expires_in_days: number | null };

export const READ_ONLY: Scope[] = ["tasks:read"];
export const READ_WRITE: Scope[] = ["tasks:read", "tasks:write"];

export function listTokens(): Promise<AccessToken[]> {
  return apiJson<AccessToken[]>("/api/tokens");
}

export function createToken(input: TokenInput): Promise<CreatedToken> {
  return apiJson<CreatedToken>("/api/tokens", { method: "POST", json: input });
}

export function revokeToken(id: number): Promise<void> {
  return apiJson<void>(`/api/tokens/${id}`, { method: "DELETE" });
}

export function canWrite(token: AccessToken): boolean {
  return token.scopes.includes("tasks:write");
}

/** Where AI apps reach this site's MCP endpoint. */
export function mcpUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/api/mcp`;
}

export type ClientConfig = { id: string; name: string; where: string; text: string };

const SERVER = "todo";
export const TOKEN_PLACEHOLDER = "tdo_YOUR_TOKEN";

/** Copyable configuration for each AI app; `token` is the secret when it is still on screen. */
export function clientConfigs(url: string, token: string = TOKEN_PLACEHOLDER): ClientConfig[] {
  const bearer = `Bearer ${token}`;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      id: "claude-desktop",
      name: "Claude Desktop",
      where:
        "Settings → Developer → Edit Config (claude_desktop_config.json). Claude Desktop's config file starts local servers only, so the mcp-remote bridge (Node.js) carries the token.",
      text: json({
        mcpServers: {
          [SERVER]: {
            command: "npx",
            args: ["-y", "mcp-remote", url, "--header", "Authorization:${TODO_AUTH}"],
            env: { TODO_AUTH: bearer },
          },
        },
      }),
    },
    {
      id: "claude-code",
      name: "Claude Code",
      where: "Run in a terminal:",
      text: `claude mcp add --transport http ${SERVER} ${url} --header "Authorization: ${bearer}"`,
    },
    {
      id: "cursor",
      name: "Cursor",
      where: "~/.cursor/mcp.json (or .cursor/mcp.json in a project):",
      text: json({ mcpServers: { [SERVER]: { url, headers: { Authorization: bearer } } } }),
    },
    {
      id: "vscode",
      name: "VS Code",
      where: ".vscode/mcp.json; VS Code asks for the token once and keeps it out of the file:",
      text: json({
        servers: {
          [SERVER]: { type: "http", url, headers: { Authorization: "Bearer ${input:todo-token}" } },
        },
        inputs: [
          { type: "promptString", id: "todo-token", description: "Todo Assistant access token", password: true },
        ],
      }),
    },
  ];
}
