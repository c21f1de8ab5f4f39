"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

import { CheckIcon } from "@/components/icons";
import { apiFetch, apiJson } from "@/lib/http";
import { hardNavigate } from "@/lib/navigation";
import { lastThread } from "@/lib/threads";

type User = { id: number; email: string; name: string | null };

const LINKS = [
  { href: "/dashboard", label: "Tasks" },
  { href: "/chat", label: "Chat" },
  { href: "/settings", label: "Apps" },
];

export function AppHeader() {
  const pathname = usePathname();
  const [user, setUser] = useState<User | null>(null);

  // Also checks the session: a stale cookie gets a 401 here, which leads to the login page.
  useEffect(() => {
    apiJson<User>("/api/auth/me").then(setUser, () => undefined);
  }, []);

  async function logout() {
    await apiFetch("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    lastThread.set(null);
    hardNavigate("/login");
  }

  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-5xl items-center gap-1 px-4 py-2 sm:gap-4">
        <Link href="/dashboard" className="flex items-center gap-1 whitespace-nowrap font-bold text-slate-900">
          <CheckIcon className="text-indigo-600" />
          {/* A phone keeps the header to one line: the name is read, not shown. */}
          <span className="sr-only sm:not-sr-only">Todo Assistant</span>
        </Link>
        <nav aria-label="Main" className="flex gap-1">
          {LINKS.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              aria-current={pathname === l.href ? "page" : undefined}
              className={`whitespace-nowrap rounded-md px-2 py-1 text-sm ${
                pathname === l.href ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          {user && (
            <span className="hidden truncate text-sm text-slate-600 sm:inline" title={user.email}>
              {user.name || user.email}
            </span>
          )}
          <button type="button" onClick={() => void logout()} className="btn btn-ghost btn-sm">
            Log out
          </button>
        </div>
      </div>
    </header>
  );
}
