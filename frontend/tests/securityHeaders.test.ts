import { describe, expect, it } from "vitest";

import { parseChatUi } from "@/lib/config";
import { contentSecurityPolicy, newNonce, securityHeaders, type PolicyOptions } from "@/lib/securityHeaders";

import { CHATKIT_SCRIPT_URL } from "@/lib/config";

const base: PolicyOptions = { nonce: "abc123", chatUi: "auto", chatkitScriptUrl: CHATKIT_SCRIPT_URL, https: false };

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name, values];
    }),
  );
}

describe("content security policy", () => {
  it("builtin: nothing outside our own origin, and no frames at all", () => {
    const csp = contentSecurityPolicy({ ...base, chatUi: "builtin" });
    expect(csp).not.toMatch(/openai|https:/);
    const d = directives(csp);
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d["frame-src"]).toEqual(["'none'"]);
  });

  it.each(["auto", "chatkit"] as const)("%s: the ChatKit script's origin for its script, frame and fetches", (ui) => {
    const d = directives(contentSecurityPolicy({ ...base, chatUi: ui }));
    const cdn = "https://cdn.platform.openai.com";
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", cdn]);
    expect(d["frame-src"]).toEqual([cdn]);
    expect(d["connect-src"]).toEqual(["'self'", cdn]);
  });

  it("follows NEXT_PUBLIC_CHATKIT_SCRIPT_URL to another host, and only to its origin", () => {
    const d = directives(
      contentSecurityPolicy({ ...base, chatkitScriptUrl: "https://chat.example.org:8443/static/chatkit.js?v=2" }),
    );
    expect(d["script-src"]).toContain("https://chat.example.org:8443");
    expect(JSON.stringify(d)).not.toContain("openai");
    expect(() => contentSecurityPolicy({ ...base, chatkitScriptUrl: "not a url" })).toThrow(/NEXT_PUBLIC_CHATKIT_SCRIPT_URL/);
  });

  it("never allows inline or eval'd scripts in production, and cannot be framed", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
    expect(d["script-src"]).not.toContain("'strict-dynamic'");
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ ...base, development: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only over https", () => {
    expect(contentSecurityPolicy(base)).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ ...base, https: true })).toContain("upgrade-insecure-requests");
  });

  it("reads NEXT_PUBLIC_CHAT_UI, anything unknown being auto", () => {
    expect([parseChatUi("builtin"), parseChatUi("chatkit"), parseChatUi("auto"), parseChatUi(undefined), parseChatUi("x")]).toEqual([
      "builtin",
      "chatkit",
      "auto",
      "auto",
      "auto",
    ]);
  });
});

describe("security headers", () => {
  it("nosniff, referrer and permissions policies everywhere; HSTS only over https", () => {
    const plain = securityHeaders(base);
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
  });

  it("makes a new nonce every time, of 128 bits", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});
