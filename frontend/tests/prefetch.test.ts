import { afterEach, describe, expect, it, vi } from "vitest";

import { DEFAULT_FILTERS, prefetchTasks, tasksApi } from "@/lib/tasks";

const page = (title: string) =>
  new Response(JSON.stringify({ items: [{ id: 1, title }], next_cursor: null }), {
    status: 200,
    headers: { "Content-Type": "application/json" },
  });

describe("the dashboard's early first page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is taken over once by the first read of the same page; the next read asks again", async () => {
    const fetchMock = vi.fn(async () => page("early"));
    vi.stubGlobal("fetch", fetchMock);
    prefetchTasks(DEFAULT_FILTERS, 100);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await tasksApi.list(DEFAULT_FILTERS, 100)).items[0]!.title).toBe("early");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await tasksApi.list(DEFAULT_FILTERS, 100);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("is not used for another query, nor after a change", async () => {
    const fetchMock = vi.fn(async () => page("fresh"));
    vi.stubGlobal("fetch", fetchMock);
    prefetchTasks(DEFAULT_FILTERS, 100);
    await tasksApi.list({ ...DEFAULT_FILTERS, status: "pending" }, 100);
    expect(fetchMock).toHaveBeenCalledTimes(2);

    prefetchTasks(DEFAULT_FILTERS, 100);
    fetchMock.mockImplementationOnce(async () => page("created"));
    await tasksApi.create({ title: "x", priority: "medium" });
    await tasksApi.list(DEFAULT_FILTERS, 100);
    expect(fetchMock).toHaveBeenCalledTimes(5); // prefetch, create, and a fresh read
  });
});
