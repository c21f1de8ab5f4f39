import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { HistoryDropdown, HISTORY_PAGE, UNTITLED } from "@/components/chat/HistoryDropdown";
import { ApiError } from "@/lib/http";
import type { ThreadSummary, ThreadsApi } from "@/lib/threads";

// Local time, mid-day, so "yesterday" is unambiguous in any zone the tests run in.
const NOW = new Date(2026, 10, 20, 12, 0, 0);

/** A naive UTC timestamp as the ChatKit SDK writes it, `daysAgo` days before NOW. */
function stamp(daysAgo: number, hour = 11): string {
  const d = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - daysAgo, hour, 0, 0);
  return d.toISOString().replace("Z", "");
}

function fakeThreadsApi(threads: ThreadSummary[]) {
  const store = threads.map((t) => ({ ...t }));
  const api = {
    list: vi.fn(async (limit: number, after?: string | null) => {
      const start = after ? store.findIndex((t) => t.id === after) + 1 : 0;
      const data = store.slice(start, start + limit);
      return { data: data.map((t) => ({ ...t })), has_more: start + limit < store.length };
    }),
    rename: vi.fn(async (id: string, title: string) => {
      const t = store.find((x) => x.id === id)!;
      t.title = title;
      return { ...t };
    }),
    remove: vi.fn(async (id: string) => {
      store.splice(
        store.findIndex((t) => t.id === id),
        1,
      );
      return {};
    }),
  } satisfies ThreadsApi;
  return { api, store };
}

const THREADS: ThreadSummary[] = [
  { id: "thr_today", title: "Groceries", created_at: stamp(0) },
  { id: "thr_untitled", title: null, created_at: stamp(0, 9) },
  { id: "thr_yesterday", title: "Plan the trip", created_at: stamp(1) },
  { id: "thr_week", title: "Taxes", created_at: stamp(5) },
  { id: "thr_old", title: "Old stuff", created_at: stamp(30) },
];

function setup(
  props: Partial<React.ComponentProps<typeof HistoryDropdown>> = {},
  threads = THREADS,
  prepare?: (api: ReturnType<typeof fakeThreadsApi>["api"]) => void,
) {
  const { api, store } = fakeThreadsApi(threads);
  prepare?.(api);
  const onSelect = vi.fn();
  const onNewChat = vi.fn();
  const onCurrentTitle = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <HistoryDropdown
      currentThreadId="thr_yesterday"
      onSelect={onSelect}
      onNewChat={onNewChat}
      onCurrentTitle={onCurrentTitle}
      api={api}
      now={() => NOW}
      {...props}
    />,
  );
  const open = async () => {
    await user.click(screen.getByTestId("history-button"));
    return screen.getByRole("dialog", { name: "Conversation history" });
  };
  return { api, store, onSelect, onNewChat, onCurrentTitle, user, open, ...view };
}

describe("HistoryDropdown", () => {
  it("lists conversations newest first, grouped by age, the current one marked", async () => {
    const { open, api } = setup();
    const dialog = await open();
    await waitFor(() => expect(within(dialog).getAllByTestId("history-item")).toHaveLength(5));
    expect(api.list).toHaveBeenCalledWith(HISTORY_PAGE);

    const groups = within(dialog).getAllByRole("region");
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual([
      "Today",
      "Yesterday",
      "Previous 7 days",
      "Older",
    ]);
    const titlesIn = (label: string) =>
      within(within(dialog).getByRole("region", { name: label }))
        .getAllByTestId("history-item")
        .map((b) => b.getAttribute("data-title"));
    expect(titlesIn("Today")).toEqual(["Groceries", UNTITLED]);
    expect(titlesIn("Yesterday")).toEqual(["Plan the trip"]);
    expect(titlesIn("Previous 7 days")).toEqual(["Taxes"]);
    expect(titlesIn("Older")).toEqual(["Old stuff"]);

    const current = within(dialog)
      .getAllByTestId("history-item")
      .filter((b) => b.getAttribute("aria-current") === "true");
    expect(current.map((b) => b.getAttribute("data-thread-id"))).toEqual(["thr_yesterday"]);
    expect(current[0]).toHaveAccessibleName(/Plan the trip\s*\(current\)/);
  });

  it("reports the current conversation's title", async () => {
    const { onCurrentTitle } = setup();
    await waitFor(() => expect(onCurrentTitle).toHaveBeenLastCalledWith("Plan the trip"));
  });

  it("opens a conversation when chosen, and closes", async () => {
    const { open, onSelect, user } = setup();
    const dialog = await open();
    await user.click(await within(dialog).findByRole("button", { name: "Taxes" }));
    expect(onSelect).toHaveBeenCalledWith("thr_week");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("history-button")).toHaveFocus();
  });

  it("starts a new chat", async () => {
    const { open, onNewChat, user } = setup();
    const dialog = await open();
    await user.click(within(dialog).getByTestId("new-chat"));
    expect(onNewChat).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("renames a conversation (Enter saves, Escape cancels)", async () => {
    const { open, api, user } = setup();
    const dialog = await open();
    await user.click(await within(dialog).findByRole("button", { name: "Rename “Taxes”" }));
    const input = within(dialog).getByLabelText("New title for “Taxes”");
    expect(input).toHaveFocus();
    expect(input).toHaveValue("Taxes");
    await user.type(input, " 2026{Escape}");
    expect(api.rename).not.toHaveBeenCalled();
    expect(within(dialog).getByRole("button", { name: "Taxes" })).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Rename “Taxes”" }));
    await user.clear(within(dialog).getByLabelText("New title for “Taxes”"));
    await user.type(within(dialog).getByLabelText("New title for “Taxes”"), "Tax return{Enter}");
    expect(api.rename).toHaveBeenCalledWith("thr_week", "Tax return");
    expect(await within(dialog).findByRole("button", { name: "Tax return" })).toBeInTheDocument();
  });

  it("shows why a rename failed", async () => {
    const { open, api, user } = setup();
    api.rename.mockRejectedValueOnce(new ApiError(422, "Title is too long: at most 200 characters"));
    const dialog = await open();
    await user.click(await within(dialog).findByRole("button", { name: "Rename “Taxes”" }));
    await user.type(within(dialog).getByLabelText("New title for “Taxes”"), "!{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Title is too long");
  });

  it("deletes only after confirmation", async () => {
    const { open, api, onNewChat, user } = setup();
    const dialog = await open();
    await user.click(await within(dialog).findByRole("button", { name: "Delete “Taxes”" }));
    const confirm = within(dialog).getByRole("group", { name: "Delete “Taxes”?" });
    expect(within(confirm).getByRole("button", { name: "Delete" })).toHaveFocus();
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.remove).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "Delete “Taxes”" }));
    await user.click(
      within(within(dialog).getByRole("group", { name: "Delete “Taxes”?" })).getByRole("button", { name: "Delete" }),
    );
    expect(api.remove).toHaveBeenCalledWith("thr_week");
    await waitFor(() => expect(within(dialog).queryByRole("button", { name: "Taxes" })).not.toBeInTheDocument());
    expect(onNewChat).not.toHaveBeenCalled(); // it was not the open conversation
  });

  it("deleting the open conversation starts a new chat", async () => {
    const { open, api, onNewChat, user } = setup();
    const dialog = await open();
    await user.click(await within(dialog).findByRole("button", { name: "Delete “Plan the trip”" }));
    await user.click(
      within(within(dialog).getByRole("group", { name: "Delete “Plan the trip”?" })).getByRole("button", {
        name: "Delete",
      }),
    );
    expect(api.remove).toHaveBeenCalledWith("thr_yesterday");
    await waitFor(() => expect(onNewChat).toHaveBeenCalledTimes(1));
  });

  it("loads more with the last conversation as the cursor", async () => {
    const many = Array.from({ length: HISTORY_PAGE + 3 }, (_, i) => ({
      id: `thr_${String(i).padStart(3, "0")}`,
      title: `Chat ${i}`,
      created_at: stamp(i),
    }));
    const { open, api, user } = setup({ currentThreadId: null }, many);
    const dialog = await open();
    await waitFor(() => expect(within(dialog).getAllByTestId("history-item")).toHaveLength(HISTORY_PAGE));
    await user.click(within(dialog).getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(within(dialog).getAllByTestId("history-item")).toHaveLength(HISTORY_PAGE + 3));
    expect(api.list).toHaveBeenLastCalledWith(HISTORY_PAGE, `thr_${String(HISTORY_PAGE - 1).padStart(3, "0")}`);
    expect(within(dialog).queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  });

  it("re-reads the list when the chat says so (thread change, end of a reply)", async () => {
    const { api, store, rerender, open } = setup({ refreshToken: 0 });
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(1));
    store.unshift({ id: "thr_new", title: "Fresh one", created_at: stamp(0, 11) });
    rerender(
      <HistoryDropdown
        currentThreadId="thr_new"
        refreshToken={1}
        onSelect={() => {}}
        onNewChat={() => {}}
        api={api}
        now={() => NOW}
      />,
    );
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
    const dialog = await open();
    const first = within(dialog).getAllByTestId("history-item")[0]!;
    expect(first).toHaveAttribute("data-title", "Fresh one");
    expect(first).toHaveAttribute("aria-current", "true");
  });

  it("shows a load error with a retry", async () => {
    const { open, user } = setup({}, THREADS, (api) =>
      api.list.mockRejectedValueOnce(new ApiError(503, "Service unavailable")),
    );
    const dialog = await open();
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Service unavailable");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(within(dialog).getAllByTestId("history-item")).toHaveLength(5));
  });

  it("says when there are no conversations yet", async () => {
    const { open } = setup({ currentThreadId: null }, []);
    const dialog = await open();
    expect(await within(dialog).findByText(/No conversations yet/)).toBeInTheDocument();
  });

  it("closes on Escape (focus back on the button) and on a click outside", async () => {
    const { open, user } = setup();
    const dialog = await open();
    expect(within(dialog).getByTestId("new-chat")).toHaveFocus(); // focus moves into the panel
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("history-button")).toHaveFocus();
    expect(screen.getByTestId("history-button")).toHaveAttribute("aria-expanded", "false");

    await open();
    await user.click(document.body);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("is disabled until the chat is ready", () => {
    setup({ disabled: true });
    expect(screen.getByTestId("history-button")).toBeDisabled();
  });
});
