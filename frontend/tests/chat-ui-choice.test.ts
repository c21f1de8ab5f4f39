import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { forgetChatKitScript, SCRIPT_TIMEOUT_MS, useChatUi } from "@/components/chat/chatkitScript";
import { CHAT_UI_AUTO_TIMEOUT_MS } from "@/lib/config";

// jsdom never fetches the <script>: neither "load" nor "error" fires, like a stalled CDN.
const scripts = () => document.head.querySelectorAll("script[data-chatkit-loader]");

describe("which chat UI", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    forgetChatKitScript();
    scripts().forEach((s) => s.remove());
  });
  afterEach(() => vi.useRealTimers());

  it("builtin: the built-in UI at once, and the ChatKit script is never asked for", () => {
    const { result } = renderHook(() => useChatUi("builtin"));
    expect(result.current.ui).toBe("builtin");
    expect(scripts()).toHaveLength(0);
  });

  it("auto: deciding, then the built-in UI when the element is not defined within 3 s", async () => {
    const { result } = renderHook(() => useChatUi("auto"));
    expect(result.current.ui).toBe("deciding");
    expect(scripts()).toHaveLength(1);
    await act(async () => vi.advanceTimersByTimeAsync(CHAT_UI_AUTO_TIMEOUT_MS - 10));
    expect(result.current.ui).toBe("deciding");
    await act(async () => vi.advanceTimersByTimeAsync(20));
    expect(result.current.ui).toBe("builtin");
  });

  it("auto: ChatKit reporting an error before it is ready falls back to the built-in UI", async () => {
    const { result } = renderHook(() => useChatUi("auto"));
    act(() => result.current.fallBack());
    expect(result.current.ui).toBe("builtin");
  });

  it("chatkit: stays ChatKit (which shows its own error) even when the script fails", async () => {
    const { result } = renderHook(() => useChatUi("chatkit"));
    expect(result.current.ui).toBe("chatkit");
    await act(async () => vi.advanceTimersByTimeAsync(SCRIPT_TIMEOUT_MS + 10));
    expect(result.current.script.status).toBe("error");
    act(() => result.current.fallBack());
    expect(result.current.ui).toBe("chatkit");
  });

  it("auto: ChatKit when its element is defined", async () => {
    customElements.define("openai-chatkit", class extends HTMLElement {});
    const { result } = renderHook(() => useChatUi("auto"));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(result.current.ui).toBe("chatkit");
  });
});
