import { act, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ThreadItemView } from "@/components/chat/builtin/items";
import { useConversation } from "@/components/chat/builtin/useConversation";
import { WidgetActions, type RunAction } from "@/components/chat/builtin/Widget";
import { chatClient, type ChatClient } from "@/lib/chatkit/client";
import { applyEvent, EMPTY, type Conversation } from "@/lib/chatkit/conversation";
import type { ListViewItem, ThreadItem, ThreadStreamEvent, WidgetItem } from "@/lib/chatkit/protocol";

/** A task row as the server builds it: toggle, title, due, priority when not medium, tags. */
function row(id: number, title: string, done: boolean, extra: ListViewItem["children"] = []): ListViewItem {
  return {
    type: "ListViewItem",
    key: `task-${id}`,
    children: [
      {
        type: "Checkbox",
        name: `task-${id}`,
        defaultChecked: done,
        onChangeAction: { type: "task.toggle", payload: { task_id: id } },
      },
      {
        type: "Col",
        gap: 1,
        children: [
          { type: "Text", value: title, lineThrough: done },
          { type: "Row", gap: 2, children: extra },
        ],
      },
    ],
  };
}

function taskList(done = false): WidgetItem {
  return {
    id: "wid_1",
    type: "widget",
    thread_id: "thr_1",
    created_at: "2026-01-01T00:00:00",
    widget: {
      type: "ListView",
      status: { text: "Due today" },
      children: [
        row(7, "Buy milk", done, [
          { type: "Caption", value: "Today 09:00" },
          { type: "Badge", label: "high", color: "danger" },
          { type: "Badge", label: "#errands" },
        ]),
        row(8, "Call mom", false),
      ],
    },
  };
}

const undoWidget: WidgetItem = {
  id: "wid_2",
  type: "widget",
  thread_id: "thr_1",
  created_at: "2026-01-01T00:00:00",
  widget: {
    type: "Card",
    children: [
      {
        type: "Row",
        children: [
          { type: "Caption", value: "Changed 1 task" },
          { type: "Spacer" },
          { type: "Button", label: "Undo", onClickAction: { type: "changes.undo", payload: { change_id: 42 } } },
        ],
      },
    ],
  },
};

function renderWidget(item: ThreadItem, run: RunAction) {
  return render(
    <WidgetActions value={run}>
      <ThreadItemView item={item} streaming={false} />
    </WidgetActions>,
  );
}

/** An action whose answer the test gives when it likes. */
function deferredAction() {
  let settle: (error: string | null) => void = () => {};
  const run = vi.fn<RunAction>(() => new Promise((resolve) => (settle = resolve)));
  return { run, settle: (error: string | null) => act(async () => settle(error)) };
}

describe("task widgets in the built-in chat", () => {
  it("renders a ListView of task rows: titles, due, priority, tags, and named checkboxes", () => {
    renderWidget(taskList(), vi.fn());
    const list = screen.getByRole("region", { name: "Due today" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual(["Buy milkToday 09:00high#errands", "Call mom"]);
    const toggle = within(rows[0]!).getByRole("checkbox", { name: "Mark 'Buy milk' done" });
    expect(toggle).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Mark 'Call mom' done" })).toBeEnabled();
  });

  it("a done task's checkbox is checked and offers to reopen it", () => {
    renderWidget(taskList(true), vi.fn());
    expect(screen.getByRole("checkbox", { name: "Mark 'Buy milk' not done" })).toBeChecked();
    expect(screen.getByText("Buy milk")).toHaveClass("line-through");
  });

  it("toggling (by keyboard) sends task.toggle for that task, disabled until the server answers", async () => {
    const { run, settle } = deferredAction();
    renderWidget(taskList(), run);
    const toggle = screen.getByRole("checkbox", { name: "Mark 'Buy milk' done" });
    toggle.focus();
    await userEvent.keyboard(" ");
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith("wid_1", { type: "task.toggle", payload: { task_id: 7 } });
    expect(toggle).toBeDisabled();
    expect(toggle).toBeChecked(); // shown at once
    expect(screen.getByRole("checkbox", { name: "Mark 'Call mom' done" })).toBeEnabled();
    await settle(null);
    expect(toggle).toBeEnabled();
  });

  it("a failed action shows the server's message and puts the checkbox back", async () => {
    const { run, settle } = deferredAction();
    renderWidget(taskList(), run);
    await userEvent.click(screen.getByRole("checkbox", { name: "Mark 'Buy milk' done" }));
    await settle("This task no longer exists.");
    expect(screen.getByRole("alert")).toHaveTextContent("This task no longer exists.");
    expect(screen.getByRole("checkbox", { name: "Mark 'Buy milk' done" })).not.toBeChecked();
  });

  it("the Undo button sends changes.undo with its change id", async () => {
    const { run, settle } = deferredAction();
    renderWidget(undoWidget, run);
    const undo = screen.getByRole("button", { name: "Undo" });
    await userEvent.click(undo);
    expect(run).toHaveBeenCalledWith("wid_2", { type: "changes.undo", payload: { change_id: 42 } });
    expect(undo).toBeDisabled();
    await settle(null);
    expect(undo).toBeEnabled();
  });

  it("leaves out components it does not render, and shows an unknown root as a neutral line", () => {
    const odd = { ...undoWidget, widget: { type: "Card", children: [{ type: "Image", src: "https://evil.example/x.png" }, { type: "Text", value: "kept" }] } };
    const { container } = renderWidget(odd as WidgetItem, vi.fn());
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("kept")).toBeVisible();
    const chart = { ...undoWidget, id: "wid_3", widget: { type: "Chart", data: [] } };
    renderWidget(chart as unknown as WidgetItem, vi.fn());
    expect(screen.getByText("This part of the conversation can't be shown here.")).toBeVisible();
  });
});

/** The server's own examples (backend/chat/widgets.py writes them): what this renderer must draw. */
describe("the server's example widgets (docs/widgets-example.json)", () => {
  const example = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/widgets-example.json"), "utf8")) as Record<string, WidgetItem> & {
    custom_action_request: { params: { item_id: string; action: object } };
  };

  it("a task list: one named checkbox per task; a toggle sends the request the server expects", async () => {
    const run = vi.fn<RunAction>(async () => null);
    renderWidget(example.list_widget_item!, run);
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes) expect(box).toHaveAccessibleName(/^Mark '.+' (not )?done$/);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    await userEvent.click(boxes[0]!);
    const { item_id, action } = example.custom_action_request.params;
    expect(run).toHaveBeenCalledWith(item_id, expect.objectContaining(action));
  });

  it("after a toggle the list offers Undo; the Undo card loses its button once undone", () => {
    const { unmount } = renderWidget(example.list_widget_item_after_toggle!, vi.fn());
    expect(screen.getByRole("button", { name: "Undo" })).toBeEnabled();
    unmount();
    const card = renderWidget(example.undo_widget_item!, vi.fn());
    expect(screen.getByRole("button", { name: "Undo" })).toBeEnabled();
    card.unmount();
    renderWidget(example.undo_widget_item_after_undo!, vi.fn());
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText(/^Undone/)).toBeVisible();
  });
});

const sse = (events: object[]) =>
  new Response(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(""), { headers: { "Content-Type": "text/event-stream" } });

describe("threads.custom_action", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts the action as the widget item's and streams the events back", async () => {
    const replaced = { type: "thread.item.replaced", item: taskList(true) };
    const fetchSpy = vi.fn(async () => sse([replaced, { type: "client_effect", name: "tasks.changed", data: { task_ids: [7] } }]));
    vi.stubGlobal("fetch", fetchSpy);
    const events: ThreadStreamEvent[] = [];
    for await (const e of chatClient.customAction("thr_1", "wid_1", { type: "task.toggle", payload: { task_id: 7 } })) events.push(e);
    const sent = JSON.parse(String((fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(sent).toEqual({
      type: "threads.custom_action",
      params: { thread_id: "thr_1", item_id: "wid_1", action: { type: "task.toggle", payload: { task_id: 7 } } },
    });
    expect(events.map((e) => e.type)).toEqual(["thread.item.replaced", "client_effect"]);
  });

  it("redraws a widget in place: replaced, root updated, one component updated", () => {
    const start: Conversation = { ...EMPTY, threadId: "thr_1", items: [taskList(false)] };
    const replaced = applyEvent(start, { type: "thread.item.replaced", item: taskList(true) });
    expect(replaced.items).toHaveLength(1);
    const checkbox = (s: Conversation) => ((s.items[0] as WidgetItem).widget.children as ListViewItem[])[0]!.children[0];
    expect(checkbox(replaced)).toMatchObject({ defaultChecked: true });

    const root = applyEvent(start, { type: "thread.item.updated", item_id: "wid_1", update: { type: "widget.root.updated", widget: taskList(true).widget } });
    expect(checkbox(root)).toMatchObject({ defaultChecked: true });

    const withId = { ...start, items: [{ ...undoWidget, widget: { type: "Card" as const, children: [{ type: "Text" as const, id: "note", value: "Changed 1 task" }] } }] };
    const one = applyEvent(withId, {
      type: "thread.item.updated",
      item_id: "wid_2",
      update: { type: "widget.component.updated", component_id: "note", component: { type: "Text", id: "note", value: "Undone" } },
    });
    expect((one.items[0] as WidgetItem).widget.children).toEqual([{ type: "Text", id: "note", value: "Undone" }]);
  });
});

describe("useConversation.act", () => {
  function fakeClient(events: ThreadStreamEvent[] | Error): ChatClient {
    return {
      ...chatClient,
      listItemsNewestFirst: async () => ({ data: [taskList(false)], has_more: false, after: null }),
      customAction: async function* () {
        if (events instanceof Error) throw events;
        yield* events;
      },
    };
  }

  async function opened(client: ChatClient, onTasksChanged = vi.fn()) {
    const hook = renderHook(() => useConversation({ threadId: "thr_1", onThreadChange: vi.fn(), onTasksChanged, client }));
    await waitFor(() => expect(hook.result.current.conversation.items).toHaveLength(1));
    return hook;
  }

  it("redraws the widget and refreshes the dashboard on tasks.changed", async () => {
    const onTasksChanged = vi.fn();
    const { result } = await opened(
      fakeClient([
        { type: "thread.item.replaced", item: taskList(true) },
        { type: "client_effect", name: "tasks.changed", data: { task_ids: [7] } },
      ]),
      onTasksChanged,
    );
    let outcome: string | null = "not run";
    await act(async () => {
      outcome = await result.current.act("wid_1", { type: "task.toggle", payload: { task_id: 7 } });
    });
    expect(outcome).toBeNull();
    expect(onTasksChanged).toHaveBeenCalledTimes(1);
    const rows = (result.current.conversation.items[0] as WidgetItem).widget.children as ListViewItem[];
    expect(rows[0]!.children[0]).toMatchObject({ defaultChecked: true });
  });

  it("hands back the server's error (in-band or HTTP) instead of changing the conversation", async () => {
    const inBand = await opened(fakeClient([{ type: "error", message: "That task is not in this list.", allow_retry: false }]));
    let outcome: string | null = null;
    await act(async () => {
      outcome = await inBand.result.current.act("wid_1", { type: "task.toggle", payload: { task_id: 99 } });
    });
    expect(outcome).toBe("That task is not in this list.");
    expect(inBand.result.current.conversation.error).toBeNull();

    const { ChatHttpError } = await import("@/lib/chatkit/client");
    const http = await opened(fakeClient(new ChatHttpError(409, "This change was already undone.")));
    await act(async () => {
      outcome = await http.result.current.act("wid_2", { type: "changes.undo", payload: { change_id: 42 } });
    });
    expect(outcome).toBe("This change was already undone.");
  });
});
