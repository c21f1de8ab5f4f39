import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toast, Toaster } from "sonner";
import { afterEach, describe, expect, it, vi } from "vitest";

import { offerUndo } from "@/components/tasks/undoToast";
import { tasksApi } from "@/lib/tasks";

type Call = [string, RequestInit];

describe("the dashboard's Undo toast", () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    act(() => void toast.dismiss()); // sonner's queue is global
    // A dismissed toast leaves on a timer; wait until it has gone, or the timer fires after
    // the test environment is torn down (a "window is not defined" error under load).
    await waitFor(() => expect(document.querySelector("[data-sonner-toast]")).toBeNull());
  });

  it("a complete or delete hands on the X-Change-Id of its response", async () => {
    const task = { id: 7, title: "Buy milk", completed: true };
    const fetchSpy = vi.fn(async (url: string) =>
      url.endsWith("/7") && fetchSpy.mock.calls.length === 1
        ? Response.json(task, { headers: { "X-Change-Id": "41" } })
        : new Response(null, { status: 204, headers: { "X-Change-Id": "42" } }),
    );
    vi.stubGlobal("fetch", fetchSpy);
    const seen: string[] = [];
    await tasksApi.update(7, { completed: true }, (id) => seen.push(id));
    await tasksApi.remove(7, (id) => seen.push(id));
    expect(seen).toEqual(["41", "42"]);
  });

  async function clickUndo(answer: Response) {
    const fetchSpy = vi.fn(async () => answer);
    vi.stubGlobal("fetch", fetchSpy);
    const refresh = vi.fn(async () => undefined);
    render(<Toaster />);
    act(() => offerUndo("Completed 'Buy milk'", refresh)("41"));
    expect(await screen.findByText("Completed 'Buy milk'")).toBeInTheDocument();
    const undo = screen.getByRole("button", { name: "Undo" });
    undo.focus();
    await userEvent.keyboard("{Enter}");
    const [url, init] = fetchSpy.mock.calls[0] as unknown as Call;
    expect([url, init.method]).toEqual(["/api/changes/41/undo", "POST"]);
    return refresh;
  }

  it("Undo reverts that change set and refreshes the list", async () => {
    const refresh = await clickUndo(Response.json({ undone: [7], skipped: [] }));
    expect(await screen.findByText("Undone")).toBeInTheDocument();
    expect(refresh).toHaveBeenCalled();
  });

  it("says why a task was skipped", async () => {
    await clickUndo(Response.json({ undone: [], skipped: [{ id: 7, reason: "'Buy milk' was changed since." }] }));
    expect(await screen.findByText("Not undone: 'Buy milk' was changed since.")).toBeInTheDocument();
  });

  it("shows the server's message when it was already undone (409)", async () => {
    const refresh = await clickUndo(Response.json({ detail: "This change was already undone." }, { status: 409 }));
    expect(await screen.findByText("This change was already undone.")).toBeInTheDocument();
    await waitFor(() => expect(refresh).not.toHaveBeenCalled());
  });
});
