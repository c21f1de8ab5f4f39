"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { PasswordStrength } from "@/components/auth/PasswordStrength";
import { apiJson, messageOf } from "@/lib/http";
import { safeNextPath } from "@/lib/navigation";

type Props = {
  mode: "login" | "signup";
  next?: string;
  expired?: boolean;
};

export function AuthForm({ mode, next, expired = false }: Props) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isSignup = mode === "signup";
  const target = safeNextPath(next);
  const strengthId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSignup && password.length < 8) {
      setError("Use at least 8 characters for the password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiJson(isSignup ? "/api/auth/signup" : "/api/auth/login", {
        method: "POST",
        json: isSignup ? { email, password, ...(name.trim() ? { name: name.trim() } : {}) } : { email, password },
        redirectOn401: false,
      });
      router.replace(target);
      router.refresh();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  const other = isSignup ? "/login" : "/signup";
  const otherHref = next ? `${other}?next=${encodeURIComponent(next)}` : other;

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-bold text-slate-900">Todo Assistant</h1>
        <p className="mb-6 text-center text-sm text-slate-600">
          {isSignup ? "Create your account" : "Log in to your tasks"}
        </p>
        {expired && !error && (
          <p role="status" className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
            Your session has ended. Please log in again.
          </p>
        )}
        <form onSubmit={submit} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {isSignup && (
            <label className="field">
              <span className="field-label">Name (optional)</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" className="input" />
            </label>
          )}
          <label className="field">
            <span className="field-label">Email</span>
            <input
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              className="input"
            />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input
              type="password"
              required
              minLength={isSignup ? 8 : undefined}
              maxLength={128}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setError(null); // a refusal of the previous password no longer applies
              }}
              autoComplete={isSignup ? "new-password" : "current-password"}
              aria-describedby={isSignup ? strengthId : undefined}
              className="input"
            />
          </label>
          {isSignup && <PasswordStrength id={strengthId} password={password} personal={[email, name].filter(Boolean)} />}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy} className="btn btn-primary mt-1">
            {busy ? "Please wait…" : isSignup ? "Sign up" : "Log in"}
          </button>
        </form>
        <p className="mt-4 text-center text-sm text-slate-600">
          {isSignup ? "Already have an account? " : "New here? "}
          <Link href={otherHref} className="font-medium text-indigo-700 hover:underline">
            {isSignup ? "Log in" : "Create an account"}
          </Link>
        </p>
      </div>
    </main>
  );
}
