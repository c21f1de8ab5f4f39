import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { TaskDashboard } from "@/components/tasks/TaskDashboard";
import { ApiError } from "@/lib/http";
import { PAGE_MAX } from "@/lib/tasks";

import { fakeTasksApi } from "./fakeTasksApi";

const items = () => screen.queryAllByTestId("task-item");
const titles = () => items().map((li) => li.querySelector("p")?.textContent);
/** Filters and sort sit behind one control. */
const openFilters = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole("button", { name: /Filter & sort/ }));

describe("TaskDashboard", () => {
  it("shows a loading state, then the empty state", async () => {
    const { api } = fakeTasksApi();
    let release!: () => void;
    api.list.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve({ items: [], next_cursor: null }))),
    );
    render(<TaskDashboard api={api} />);
    expect(screen.getByRole("list", { name: "Loading tasks" })).toHaveAttribute("aria-busy", "true");
    await act(async () => release());
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    expect(items()).toHaveLength(0);
  });

  it("shows an error with a way to try again", async () => {
    const { api } = fakeTasksApi([{ title: "Pay rent" }]);
    api.list.mockRejectedValueOnce(new ApiError(503, "The service is temporarily unavailable"));
    render(<TaskDashboard api={api} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your tasks could not be loaded.");
    expect(alert).toHaveTextContent("The service is temporarily unavailable");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Pay rent")).toBeInTheDocument();
  });

  it("adds a task with title, priority, due date and tags", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi();
    render(<TaskDashboard api={api} />);
    await screen.findByText("No tasks yet.");

    const form = screen.getByRole("form", { name: "Add a task" });
    await user.type(screen.getByTestId("task-input"), "Write report");
    await user.click(within(form).getByRole("button", { name: "More" }));
    await user.selectOptions(within(form).getByLabelText("Priority"), "high");
    await user.type(within(form).getByLabelText("Due date"), "2030-05-01");
    await user.type(within(form).getByLabelText("Tags"), "Work, #urgent");
    await user.click(screen.getByTestId("task-add"));

    expect(api.create).toHaveBeenCalledWith(
      expect.objectContaining({ title: "Write report", priority: "high", due_date: "2030-05-01", tags: ["work", "urgent"] }),
    );
    const [item] = await screen.findAllByTestId("task-item");
    expect(item).toHaveTextContent("Write report");
    expect(item).toHaveTextContent("#work");
    expect(item).toHaveTextContent("#urgent");
    expect(screen.getByTestId("task-input")).toHaveValue("");
    expect(screen.getByTestId("task-input")).toHaveFocus();
  }, 15_000);

  it("does not send an empty title, and says why", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi();
    render(<TaskDashboard api={api} />);
    await screen.findByText("No tasks yet.");
    await user.type(screen.getByTestId("task-input"), "   {Enter}");
    expect(api.create).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Give the task a title.");
  });

  it("shows the backend's message when adding fails", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi();
    api.create.mockRejectedValueOnce(new ApiError(422, "tags: a task can have at most 10 tags"));
    render(<TaskDashboard api={api} />);
    await screen.findByText("No tasks yet.");
    await user.type(screen.getByTestId("task-input"), "Too many tags{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("a task can have at most 10 tags");
    expect(screen.getByTestId("task-input")).toHaveValue("Too many tags");
  });

  it("completes and reopens a task", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Call mom" }]);
    render(<TaskDashboard api={api} />);
    const toggle = await screen.findByTestId("task-toggle");
    expect(toggle).toHaveAccessibleName("Mark “Call mom” as done");
    await user.click(toggle);
    expect(api.update).toHaveBeenCalledWith(1, { completed: true }, expect.any(Function));
    await waitFor(() => expect(screen.getByTestId("task-toggle")).toBeChecked());
    expect(screen.getByTestId("task-toggle")).toHaveAccessibleName("Reopen “Call mom”");
    await user.click(screen.getByTestId("task-toggle"));
    expect(api.update).toHaveBeenLastCalledWith(1, { completed: false }, expect.any(Function));
    await waitFor(() => expect(screen.getByTestId("task-toggle")).not.toBeChecked());
  });

  it("puts a toggle back when the server refuses it", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Call mom" }]);
    api.update.mockRejectedValueOnce(new ApiError(0, "Cannot reach the server."));
    render(<TaskDashboard api={api} />);
    await user.click(await screen.findByTestId("task-toggle"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Cannot reach the server.");
    expect(screen.getByTestId("task-toggle")).not.toBeChecked();
  });

  it("edits inline: Enter saves what changed, Escape cancels", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Call mom", tags: ["family"] }]);
    render(<TaskDashboard api={api} />);
    await user.click(await screen.findByRole("button", { name: "Edit “Call mom”" }));
    const title = screen.getByLabelText("Title");
    expect(title).toHaveFocus();
    await user.type(title, " and dad{Escape}");
    expect(api.update).not.toHaveBeenCalled();
    // The row gives the focus back on the next animation frame (focusTask), not at once.
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit “Call mom”" })).toHaveFocus());

    await user.keyboard("{Enter}");
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Call mom and dad");
    await user.selectOptions(screen.getByLabelText("Priority", { selector: "form[aria-label^=Edit] select" }), "low");
    await user.type(screen.getByLabelText("Title"), "{Enter}");
    expect(api.update).toHaveBeenCalledWith(1, { title: "Call mom and dad", priority: "low" });
    expect(await screen.findByText("Call mom and dad")).toBeInTheDocument();
    // The row gives the focus back on the next animation frame (focusTask), not at once.
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit “Call mom and dad”" })).toHaveFocus());
  });

  it("deletes only after confirmation", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Old thing" }, { title: "Keep me" }]);
    render(<TaskDashboard api={api} />);
    await user.click(await screen.findByRole("button", { name: "Delete “Old thing”" }));
    const confirm = screen.getByRole("group", { name: "Delete “Old thing”?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.remove).not.toHaveBeenCalled();
    // The row gives the focus back on the next animation frame (focusTask), not at once.
    await waitFor(() => expect(screen.getByRole("button", { name: "Delete “Old thing”" })).toHaveFocus());

    await user.click(screen.getByRole("button", { name: "Delete “Old thing”" }));
    await user.click(
      within(screen.getByRole("group", { name: "Delete “Old thing”?" })).getByRole("button", { name: "Delete" }),
    );
    expect(api.remove).toHaveBeenCalledWith(1, expect.any(Function));
    await waitFor(() => expect(titles()).toEqual(["Keep me"]));
  });

  it("filters by status, priority and tag, and searches", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([
      { title: "Pay rent", priority: "high", tags: ["home"] },
      { title: "Call mom", completed: true },
      { title: "Buy paint", tags: ["home"] },
    ]);
    render(<TaskDashboard api={api} />);
    await waitFor(() => expect(items()).toHaveLength(3));

    await openFilters(user);
    await user.click(screen.getByRole("radio", { name: "Done" }));
    await waitFor(() => expect(titles()).toEqual(["Call mom"]));
    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ status: "completed" }), PAGE_MAX, null, expect.anything());

    await user.click(screen.getByRole("radio", { name: "All" }));
    await user.selectOptions(screen.getByLabelText("Filter by priority"), "high");
    await waitFor(() => expect(titles()).toEqual(["Pay rent"]));

    await user.selectOptions(screen.getByLabelText("Filter by priority"), "");
    await user.click((await screen.findAllByRole("button", { name: "Show tasks tagged home" }))[0]!);
    await waitFor(() => expect(titles()).toEqual(["Pay rent", "Buy paint"])); // high priority first
    expect(screen.getByLabelText("Filter by tag")).toHaveValue("home");

    await user.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    await waitFor(() => expect(items()).toHaveLength(3));

    await openFilters(user); // a click outside closed the panel
    await user.type(screen.getByRole("searchbox", { name: "Search tasks" }), "rent");
    await waitFor(() => expect(titles()).toEqual(["Pay rent"]));
    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ q: "rent" }), PAGE_MAX, null, expect.anything());
  }, 15_000); // many steps; the shared machine is slow

  it("says when nothing matches the filters", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Pay rent" }]);
    render(<TaskDashboard api={api} />);
    await screen.findByText("Pay rent");
    await openFilters(user);
    await user.click(screen.getByRole("radio", { name: "Done" }));
    expect(await screen.findByText("No tasks match these filters.")).toBeInTheDocument();
  });

  it("sorts through the API", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "A" }]);
    render(<TaskDashboard api={api} />);
    await screen.findByText("A");
    await openFilters(user);
    await user.selectOptions(screen.getByLabelText("Sort tasks by"), "priority");
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ sort: "priority" }), PAGE_MAX, null, expect.anything()),
    );
  });

  it("loads more with the cursor", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi(Array.from({ length: PAGE_MAX + 5 }, (_, i) => ({ title: `Task ${i + 1}` })));
    render(<TaskDashboard api={api} />);
    await waitFor(() => expect(items()).toHaveLength(PAGE_MAX));
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(items()).toHaveLength(PAGE_MAX + 5));
    expect(api.list).toHaveBeenLastCalledWith(expect.anything(), PAGE_MAX, String(PAGE_MAX));
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  }, 30_000); // a hundred rows in jsdom

  it("re-reads what is shown when the assistant changed tasks (refreshToken)", async () => {
    const user = userEvent.setup();
    const { api, tasks } = fakeTasksApi(Array.from({ length: PAGE_MAX + 5 }, (_, i) => ({ title: `Task ${i + 1}` })));
    const { rerender } = render(<TaskDashboard api={api} refreshToken={0} />);
    await waitFor(() => expect(items()).toHaveLength(PAGE_MAX));
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(items()).toHaveLength(PAGE_MAX + 5));

    // The assistant adds a task elsewhere; the chat bumps the token.
    tasks.push({ ...tasks[0]!, id: 999, title: "Buy milk", created_at: "2027-01-01T00:00:00Z" });
    rerender(<TaskDashboard api={api} refreshToken={1} />);
    await waitFor(() => expect(titles()[0]).toBe("Buy milk"));
    // Re-read in one request, no loading flash; a request reads at most PAGE_MAX, so the rest is
    // offered again by "Load more".
    expect(api.list).toHaveBeenLastCalledWith(expect.anything(), PAGE_MAX, null, expect.anything());
    expect(items()).toHaveLength(PAGE_MAX);
    expect(screen.getByRole("button", { name: "Load more" })).toBeInTheDocument();
  }, 30_000);

  it("is usable from the keyboard alone", async () => {
    const user = userEvent.setup();
    const { api } = fakeTasksApi([{ title: "Pay rent" }]);
    render(<TaskDashboard api={api} />);
    await screen.findByText("Pay rent");
    screen.getByTestId("task-input").focus();
    await user.keyboard("Walk the dog{Enter}");
    await waitFor(() => expect(titles()).toEqual(["Walk the dog", "Pay rent"]));
    // Tab through to the first task's checkbox and complete it with Space.
    const toggle = screen.getAllByTestId("task-toggle")[0]!;
    let guard = 0;
    while (document.activeElement !== toggle && guard++ < 30) await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard(" ");
    expect(api.update).toHaveBeenCalledWith(2, { completed: true }, expect.any(Function));
  });
});

describe("search debounce", () => {
  it("asks the server once the user pauses typing", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime, delay: 50 });
      const { api } = fakeTasksApi([{ title: "Pay rent" }]);
      render(<TaskDashboard api={api} />);
      await screen.findByText("Pay rent");
      await openFilters(user);
      const calls = api.list.mock.calls.length;
      await user.type(screen.getByRole("searchbox", { name: "Search tasks" }), "ren");
      expect(api.list.mock.calls.length).toBe(calls);
      await act(async () => vi.advanceTimersByTime(400));
      await waitFor(() => expect(api.list.mock.calls.length).toBe(calls + 1));
    } finally {
      vi.useRealTimers();
    }
  });
});
