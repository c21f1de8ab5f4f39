import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ThreadItemView } from "@/components/chat/builtin/items";
import { Markdown } from "@/components/chat/builtin/Markdown";
import { describeHttpError } from "@/components/chat/builtin/useConversation";
import { ChatHttpError } from "@/lib/chatkit/client";
import type { ThreadItem } from "@/lib/chatkit/protocol";

describe("built-in chat rendering", () => {
  it("shows an item type it does not know as a neutral line, and hides the server's bookkeeping", () => {
    const widget = { id: "w1", type: "widget", thread_id: "t", created_at: "x", widget: {} } as unknown as ThreadItem;
    const future = { id: "f1", type: "hologram", thread_id: "t", created_at: "x" } as unknown as ThreadItem;
    const hidden = { id: "h1", type: "hidden_context_item", thread_id: "t", created_at: "x", content: "{}" } as ThreadItem;
    const { container } = render(
      <>
        <ThreadItemView item={widget} streaming={false} />
        <ThreadItemView item={future} streaming={false} />
        <ThreadItemView item={hidden} streaming={false} />
      </>,
    );
    expect(screen.getAllByText("This part of the conversation can't be shown here.")).toHaveLength(2);
    expect(container.textContent).not.toContain("{}");
  });

  it("renders markdown inert: raw HTML as text, no javascript: links, no images", () => {
    const { container } = render(
      <Markdown
        text={[
          'Hi <img src=x onerror="alert(1)"> **bold**',
          "[bad](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.com) [mail](mailto:a@b.c)",
          "![pic](https://example.com/a.png)",
        ].join("\n\n")}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    const links = [...container.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com", "mailto:a@b.c"]);
    for (const a of links) expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    expect(screen.getByText("bad").closest("a")).toBeNull();
  });

  it("says what an HTTP error means for the user", () => {
    expect(describeHttpError(new ChatHttpError(429, "Too many", 42))).toBe(
      "You are sending messages too quickly. Try again in 42 seconds.",
    );
    expect(describeHttpError(new ChatHttpError(422, "Message is longer than 10000 characters"))).toBe(
      "Your message was not sent: Message is longer than 10000 characters",
    );
    expect(describeHttpError(new ChatHttpError(413, "Request body is larger than 256 KiB"))).toContain("256 KiB");
  });
});
