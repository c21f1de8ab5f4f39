// @vitest-environment node
/**
 * The /api proxy hands the backend's own response headers to the browser: X-Change-Id names
 * the change set of a task write (the dashboard's Undo toast undoes exactly that one).
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { DELETE, PATCH, POST } from "@/app/api/[...path]/route";

const ORIGIN = "http://localhost:3000";

function backend(status: number, headers: Record<string, string>, body: string | null = null) {
  const upstream = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
    async () => new Response(body, { status, headers }),
  );
  vi.stubGlobal("fetch", upstream);
  return upstream;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the /api proxy", () => {
  it("passes X-Change-Id on a delete (no body)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // no client-address preload here
    const upstream = backend(204, { "X-Change-Id": "42" });
    const response = await DELETE(
      new NextRequest(`${ORIGIN}/api/tasks/7`, { method: "DELETE", headers: { Origin: ORIGIN } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("x-change-id")).toBe("42");
    expect(upstream.mock.calls[0]?.[0]).toBe("http://localhost:8000/api/tasks/7");
  });

  it("passes X-Change-Id on a change and on an undo, with the JSON body", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    backend(200, { "X-Change-Id": "43", "Content-Type": "application/json" }, '{"id":7}');
    const patched = await PATCH(
      new NextRequest(`${ORIGIN}/api/tasks/7`, {
        method: "PATCH",
        headers: { Origin: ORIGIN, "Content-Type": "application/json" },
        body: JSON.stringify({ completed: true }),
      }),
    );
    expect(patched.headers.get("x-change-id")).toBe("43");
    expect(await patched.json()).toEqual({ id: 7 });

    backend(200, { "X-Change-Id": "44", "Content-Type": "application/json" }, '{"undone":[7],"skipped":[]}');
    const undone = await POST(
      new NextRequest(`${ORIGIN}/api/changes/43/undo`, { method: "POST", headers: { Origin: ORIGIN } }),
    );
    expect(undone.headers.get("x-change-id")).toBe("44");
    expect(await undone.json()).toEqual({ undone: [7], skipped: [] });
  });
});
