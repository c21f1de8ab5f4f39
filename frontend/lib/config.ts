/** Settings the browser needs. NEXT_PUBLIC_* values are fixed when the app is built. */

export const CHATKIT_SCRIPT_URL =
  process.env.NEXT_PUBLIC_CHATKIT_SCRIPT_URL ||
  "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";

/** ChatKit wants a registered domain key even with our own backend; any value works on localhost. */
export const CHATKIT_DOMAIN_KEY =
  process.env.NEXT_PUBLIC_CHATKIT_DOMAIN_KEY || "domain_pk_localhost_development";

/** The one ChatKit endpoint, on our own origin (forwarded to the backend). */
export const CHATKIT_API_URL = "/api/chatkit";

/**
 * Which chat UI: "chatkit" (OpenAI's web component), "builtin" (ours, no outside script), or
 * "auto": ChatKit when its script is ready within CHAT_UI_AUTO_TIMEOUT_MS, else the built-in one.
 */
export type ChatUiSetting = "auto" | "chatkit" | "builtin";
/** NEXT_PUBLIC_CHAT_UI as the app reads it (the chat and the security headers alike): anything unknown is "auto". */
export function parseChatUi(value: string | undefined): ChatUiSetting {
  return value === "chatkit" || value === "builtin" ? value : "auto";
}
export const CHAT_UI: ChatUiSetting = parseChatUi(process.env.NEXT_PUBLIC_CHAT_UI);
export const CHAT_UI_AUTO_TIMEOUT_MS = 3_000;
