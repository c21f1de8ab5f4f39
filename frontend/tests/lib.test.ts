import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { dayDiff, describeDue, groupByAge, parseServerTime } from "@/lib/dates";
import { apiJson, ApiError, chatkitFetch, resetRedirectGuard } from "@/lib/http";
import { hardNavigate, loginPath, safeNextPath } from "@/lib/navigation";
import { DEFAULT_FILTERS, parseTags, taskQuery } from "@/lib/tasks";

vi.mock("@/lib/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/navigation")>()),
  hardNavigate: vi.fn(),
}));

describe("dates", () => {
  it("reads the SDK's naive timestamps as UTC and keeps explicit offsets", () => {
    expect(parseServerTime("2026-11-21T00:46:26.823988").toISOString()).toBe("2026-11-21T00:46:26.823Z");
    expect(parseServerTime("2026-11-21T00:46:26Z").toISOString()).toBe("2026-11-21T00:46:26.000Z");
    expect(parseServerTime("2026-11-21T02:46:26+02:00").toISOString()).toBe("2026-11-21T00:46:26.000Z");
  });

  it("groups by calendar day: today, yesterday, previous 7 days, older", () => {
    const now = new Date(2026, 2, 30, 0, 30); // just after midnight, across a DST change in many zones
    const at = (d: number, h = 23) => new Date(2026, 2, 30 - d, h);
    const groups = groupByAge([0, 1, 2, 7, 8, 40].map((d) => ({ d, date: at(d, d === 0 ? 0 : 23) })), (x) => x.date, now);
    expect(groups.map((g) => [g.label, g.items.map((x) => x.d)])).toEqual([
      ["Today", [0]],
      ["Yesterday", [1]],
      ["Previous 7 days", [2, 7]],
      ["Older", [8, 40]],
    ]);
    expect(dayDiff(at(1), now)).toBe(-1);
  });

  it("describes due dates", () => {
    const now = new Date(2026, 10, 20, 15);
    expect(describeDue("2026-11-20", now)).toEqual({ label: "Due today", tone: "today" });
    expect(describeDue("2026-11-21", now).label).toBe("Due tomorrow");
    expect(describeDue("2026-11-19", now).tone).toBe("overdue");
    expect(describeDue("2026-11-19", now).label).toMatch(/^Overdue · /);
  });
});

describe("tasks helpers", () => {
  it("builds the list query from filters", () => {
    expect(taskQuery(DEFAULT_FILTERS, 20)).toBe("limit=20");
    expect(
      taskQuery({ status: "pending", priority: "high", tag: " work ", due: "today", q: "rent", sort: "due" }, 50, "abc"),
    ).toBe("status=pending&priority=high&tag=work&due=today&q=rent&sort=due&limit=50&cursor=abc");
  });

  it("parses tags like people type them", () => {
    expect(parseTags("Work, #home  errands,,work")).toEqual(["work", "home", "errands"]);
  });
});

describe("navigation", () => {
  it("only follows `next` to paths on this site", () => {
    expect(safeNextPath("/chat?thread=thr_1")).toBe("/chat?thread=thr_1");
    expect(safeNextPath("https://evil.example")).toBe("/dashboard");
    expect(safeNextPath("//evil.example")).toBe("/dashboard");
    expect(safeNextPath("/\\evil.example")).toBe("/dashboard");
    expect(safeNextPath("/login")).toBe("/dashboard");
    expect(safeNextPath(undefined)).toBe("/dashboard");
  });

  it("builds login links", () => {
    expect(loginPath("/chat?thread=x", true)).toBe("/login?next=%2Fchat%3Fthread%3Dx&expired=1");
    expect(loginPath("/")).toBe("/login");
  });
});

describe("backend calls", () => {
  const fetchMock = vi.fn<typeof fetch>();
  const navigate = vi.mocked(hardNavigate);

  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    navigate.mockReset();
    resetRedirectGuard();
    window.history.replaceState(null, "", "/chat?thread=thr_9");
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it("sends the time zone, same-origin, JSON in and out", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ ok: 1 }));
    await expect(apiJson("/api/tasks", { method: "POST", json: { title: "x" } })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/tasks");
    expect(init?.credentials).toBe("same-origin");
    const headers = new Headers(init?.headers);
    expect(headers.get("X-Timezone")).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init?.body).toBe('{"title":"x"}');
  });

  it("turns error bodies into ApiError with the backend's message", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ detail: "Task not found" }, { status: 404 }));
    await expect(apiJson("/api/tasks/9")).rejects.toEqual(new ApiError(404, "Task not found"));
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(apiJson("/api/tasks")).rejects.toMatchObject({ status: 0, detail: expect.stringMatching(/reach the server/) });
  });

  it("ChatKit's fetch adds the time zone and sends a 401 to the login page, clearing the cookie", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ detail: "Not authenticated" }, { status: 401 }));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    const response = await chatkitFetch("/api/chatkit", { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get("X-Timezone")).toBeTruthy();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith("/login?next=%2Fchat%3Fthread%3Dthr_9&expired=1"));
    expect(fetchMock.mock.calls[1]![0]).toBe("/api/auth/logout");
    expect(fetchMock.mock.calls[1]![1]?.method).toBe("POST");
  });

  it("keeps the headers of a Request passed to ChatKit's fetch", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({}));
    const request = new Request("http://localhost/api/chatkit", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    await chatkitFetch(request);
    const headers = new Headers(fetchMock.mock.calls[0]![1]?.headers);
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(headers.get("X-Timezone")).toBeTruthy();
  });

  it("a failed login (401) is not a redirect", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ detail: "Incorrect email or password" }, { status: 401 }));
    await expect(apiJson("/api/auth/login", { method: "POST", json: {}, redirectOn401: false })).rejects.toMatchObject({
      status: 401,
    });
    expect(navigate).not.toHaveBeenCalled();
  });
});
