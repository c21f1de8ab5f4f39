"use client";

import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from "react";

import { messageOf } from "@/lib/http";
import {
  canWrite,
  clientConfigs,
  createToken,
  listTokens,
  mcpUrl,
  READ_ONLY,
  READ_WRITE,
  revokeToken,
  type AccessToken,
  type CreatedToken,
} from "@/lib/tokens";

const EXPIRY_CHOICES = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: 0, label: "Never" },
];

// The page's own origin, read in the browser (the server render has none).
const noSubscription = () => () => undefined;
const currentOrigin = () => window.location.origin;

function when(iso: string | null, none: string): string {
  if (!iso) return none;
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <button type="button" className="btn btn-ghost btn-sm" onClick={() => void copy()} aria-label={label}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function ConnectAiApp() {
  const [tokens, setTokens] = useState<AccessToken[] | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const origin = useSyncExternalStore(noSubscription, currentOrigin, () => "");

  const refresh = useCallback(
    () => listTokens().then(setTokens, (err: unknown) => setError(messageOf(err))),
    [],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function revoke(token: AccessToken) {
    if (!window.confirm(`Revoke "${token.name}"? Apps using it stop working at once.`)) return;
    try {
      await revokeToken(token.id);
      if (created?.id === token.id) setCreated(null);
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const url = mcpUrl(origin);
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Connect an AI app</h1>
        <p className="mt-1 text-sm text-slate-600">
          Let Claude, Cursor, VS Code or another AI agent manage your tasks. Each app gets its own access
          token; revoke it here and the app loses access at once. The MCP address is{" "}
          <code className="rounded bg-slate-100 px-1" data-testid="mcp-url">
            {url}
          </code>
          .
        </p>
      </div>

      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}

      <NewTokenForm
        onCreated={async (token) => {
          setCreated(token);
          setError(null);
          await refresh();
        }}
      />

      {created && <ShownOnce token={created} onDone={() => setCreated(null)} />}

      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="text-lg font-semibold text-slate-900">
          Your tokens
        </h2>
        {tokens === null ? (
          <p className="text-sm text-slate-500">Loading…</p>
        ) : tokens.length === 0 ? (
          <p className="text-sm text-slate-500">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {tokens.map((token) => (
              <li key={token.id} data-testid="token-item" className="flex flex-wrap items-center gap-2 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-900">{token.name}</p>
                  <p className="text-xs text-slate-600">
                    {canWrite(token) ? "Read and write" : "Read only"} · created {when(token.created_at, "")} ·
                    expires {when(token.expires_at, "never")} · last used {when(token.last_used_at, "never")}
                  </p>
                </div>
                <button
                  type="button"
                  className="btn btn-danger btn-sm"
                  onClick={() => void revoke(token)}
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="configs-heading" className="space-y-3">
        <h2 id="configs-heading" className="text-lg font-semibold text-slate-900">
          Configuration
        </h2>
        <p className="text-sm text-slate-600">
          {created
            ? "These snippets hold your new token: copy one now."
            : "Replace tdo_YOUR_TOKEN with a token you created here."}
        </p>
        {clientConfigs(url, created?.token).map((config) => (
          <div key={config.id} className="rounded-xl border border-slate-200 bg-white p-3">
            <div className="flex items-center gap-2">
              <h3 className="flex-1 font-medium text-slate-900">{config.name}</h3>
              <CopyButton text={config.text} label={`Copy the ${config.name} configuration`} />
            </div>
            <p className="mt-1 text-xs text-slate-600">{config.where}</p>
            {/* Focusable, so a keyboard can scroll long lines sideways. */}
            <pre
              tabIndex={0}
              role="region"
              aria-label={`${config.name} configuration`}
              data-testid={`config-${config.id}`}
              className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-2 text-xs text-slate-100"
            >
              {config.text}
            </pre>
          </div>
        ))}
      </section>
    </main>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => Promise<void> }) {
  const [name, setName] = useState("");
  const [write, setWrite] = useState(false);
  const [days, setDays] = useState(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Name the token after the app that will use it.");
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const token = await createToken({
        name: name.trim(),
        scopes: write ? READ_WRITE : READ_ONLY,
        expires_in_days: days || null,
      });
      setName("");
      await onCreated(token);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Create a token"
      noValidate
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
    >
      <h2 className="text-lg font-semibold text-slate-900">Create a token</h2>
      <div className="field">
        <label htmlFor={`${ids}-name`} className="field-label">
          Token name
        </label>
        <input
          id={`${ids}-name`}
          ref={nameRef}
          className="input"
          value={name}
          maxLength={100}
          placeholder="e.g. Claude Desktop on my laptop"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="field-label">Access</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${ids}-access`} checked={!write} onChange={() => setWrite(false)} />
          Read only (list tasks)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${ids}-access`} checked={write} onChange={() => setWrite(true)} />
          Read and write (add, change, complete and delete tasks)
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-expiry`} className="field-label">
          Expires after
        </label>
        <select
          id={`${ids}-expiry`}
          className="input"
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        >
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.days} value={c.days}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${ids}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}

function ShownOnce({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      aria-labelledby="new-token-heading"
      data-testid="new-token"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3 sm:p-4"
    >
      <h2 id="new-token-heading" ref={headingRef} tabIndex={-1} className="font-semibold text-slate-900">
        Copy your new token now
      </h2>
      <p className="text-sm text-slate-700">
        This is the only time it is shown. Keep it like a password; anyone holding it acts as you within its
        access.
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="new-token-secret" className="sr-only">
          New token for {token.name}
        </label>
        <input
          id="new-token-secret"
          data-testid="token-secret"
          readOnly
          className="input flex-1 font-mono text-xs"
          value={token.token}
          onFocus={(e) => e.target.select()}
        />
        <CopyButton text={token.token} label="Copy the token" />
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
