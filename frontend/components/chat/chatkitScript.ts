"use client";

import { useCallback, useEffect, useState } from "react";

import { CHAT_UI, CHAT_UI_AUTO_TIMEOUT_MS, CHATKIT_SCRIPT_URL, type ChatUiSetting } from "@/lib/config";

/**
 * The ChatKit UI is a web component loaded at run time from OpenAI's CDN (the npm packages hold
 * only types and the React binding). One load per page, shared by every chat on it.
 */
export type ScriptStatus = "loading" | "ready" | "error";

const ELEMENT = "openai-chatkit";
export const SCRIPT_TIMEOUT_MS = 15_000;

let pending: Promise<void> | null = null;

export function loadChatKitScript(url = CHATKIT_SCRIPT_URL, timeoutMs = SCRIPT_TIMEOUT_MS): Promise<void> {
  if (customElements.get(ELEMENT)) return Promise.resolve();
  if (pending) return pending;
  pending = new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.dataset.chatkitLoader = "";
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        script.remove(); // a retry (forgetChatKitScript) appends a fresh <script>
        reject(error);
      } else {
        resolve();
      }
    };
    const timer = setTimeout(
      () => finish(new Error(`ChatKit did not start within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    script.addEventListener("error", () => finish(new Error("The ChatKit script could not be downloaded")));
    // A script that loads but defines no element (a captive portal page, a wrong URL) times out.
    script.addEventListener("load", () => void customElements.whenDefined(ELEMENT).then(() => finish()));
    document.head.appendChild(script);
  });
  return pending;
}

/** `timeoutMs` null: the script is not wanted (the built-in UI only). */
/** After a failure: the next load tries again instead of reusing the failure. */
export function forgetChatKitScript(): void {
  pending = null;
}

export function useChatKitScript(timeoutMs: number | null = SCRIPT_TIMEOUT_MS) {
  const [status, setStatus] = useState<ScriptStatus>("loading");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (timeoutMs === null) return;
    let active = true;
    loadChatKitScript(CHATKIT_SCRIPT_URL, timeoutMs).then(
      () => active && setStatus("ready"),
      () => active && setStatus("error"),
    );
    return () => {
      active = false;
    };
  }, [attempt, timeoutMs]);

  const retry = useCallback(() => {
    forgetChatKitScript();
    setStatus("loading");
    setAttempt((n) => n + 1);
  }, []);

  return { status, retry, url: CHATKIT_SCRIPT_URL };
}

export type ChatUi = "deciding" | "chatkit" | "builtin";

/**
 * Which chat UI to show. "auto": ChatKit once its script has defined its element; the built-in
 * UI when the script fails or is not ready within CHAT_UI_AUTO_TIMEOUT_MS, or when ChatKit
 * reports an error before it is ready (`fallBack`). The user never meets a dead end.
 */
export function useChatUi(setting: ChatUiSetting = CHAT_UI) {
  const script = useChatKitScript(scriptTimeout(setting));
  const [fellBack, setFellBack] = useState(false);
  const fallBack = useCallback(() => {
    if (setting === "auto") setFellBack(true);
  }, [setting]);
  let ui: ChatUi = "chatkit";
  if (setting === "builtin" || fellBack || (setting === "auto" && script.status === "error")) ui = "builtin";
  else if (setting === "auto" && script.status === "loading") ui = "deciding";
  return { ui, script, fallBack };
}

function scriptTimeout(setting: ChatUiSetting): number | null {
  return setting === "builtin" ? null : setting === "auto" ? CHAT_UI_AUTO_TIMEOUT_MS : SCRIPT_TIMEOUT_MS;
}

/** Start deciding before the chat is first opened (the widget): it then opens at once. */
export function preloadChatUi(setting: ChatUiSetting = CHAT_UI): void {
  const timeout = scriptTimeout(setting);
  if (timeout !== null) loadChatKitScript(CHATKIT_SCRIPT_URL, timeout).catch(() => undefined);
}
