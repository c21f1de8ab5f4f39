"use client";

/**
 * ChatKit widgets in the built-in chat: exactly the components the server emits (ListView,
 * ListViewItem, Row, Col, Box, Text, Title, Caption, Badge, Button, Checkbox, Spacer, Divider,
 * Card); anything else in a tree is left out, and so are row clicks, list limits and a card's
 * confirm/cancel, which the server never sets. Controls are real buttons and checkboxes with
 * accessible names; their actions go to the server as `threads.custom_action` (useConversation's
 * `act`), and a control is disabled while its own action is in flight.
 */
import { createContext, useCallback, useContext, useRef, useState, type CSSProperties, type ReactNode } from "react";

import { CheckIcon } from "@/components/icons";
import {
  CHANGES_UNDO_ACTION,
  TASK_TOGGLE_ACTION,
  type ActionConfig,
  type Badge,
  type Box,
  type Button,
  type Caption,
  type Card,
  type Checkbox,
  type Col,
  type Divider,
  type ListView,
  type ListViewItem,
  type Row,
  type Spacer,
  type Text,
  type ThemeColor,
  type Title,
  type WidgetItem,
} from "@/lib/chatkit/protocol";

/** Sends an item's action; resolves with the error to show, or null when it went through. */
export type RunAction = (itemId: string, action: ActionConfig) => Promise<string | null>;
/** Provided by the chat; without it (history shown read-only) controls are disabled. */
export const WidgetActions = createContext<RunAction | null>(null);

type Emitted = ListView | ListViewItem | Row | Col | Box | Text | Title | Caption | Badge | Button | Checkbox | Spacer | Divider | Card;
type Node = { type?: string; key?: string | null; id?: string | null; children?: unknown };

const ROOTS = new Set(["ListView", "Card", "Basic"]);

export function canRender(widget: WidgetItem["widget"] | undefined): boolean {
  return ROOTS.has((widget as Node | undefined)?.type ?? "");
}

/** This widget's `run(action)`: true when it went through. */
const Scope = createContext<((action: ActionConfig) => Promise<boolean>) | null>(null);
/** The row's title, for the names of its controls ("Mark 'Buy milk' done"). */
const RowTitle = createContext<string | null>(null);

export function WidgetView({ item }: { item: WidgetItem }) {
  const act = useContext(WidgetActions);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const run = useCallback(
    async (action: ActionConfig) => {
      if (!act) return false;
      setError(null);
      const hadFocus = root.current?.contains(document.activeElement);
      const failed = await act(item.id, action);
      setError(failed);
      // The redraw may remove the control that had the focus (Undo becomes a note): keep it here.
      if (hadFocus && root.current && !root.current.contains(document.activeElement)) root.current.focus({ preventScroll: true });
      return failed === null;
    },
    [act, item.id],
  );
  return (
    <div ref={root} tabIndex={-1} data-testid="chat-widget" className="min-w-0 outline-none [overflow-wrap:anywhere]">
      <Scope value={act ? run : null}>
        <Component node={item.widget} />
      </Scope>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

function Component({ node }: { node: Node }): ReactNode {
  const c = node as Emitted | { type: "Basic"; children?: unknown };
  switch (c.type) {
    case "ListView":
      return <ListViewView c={c} />;
    case "ListViewItem":
      return <ListViewItemView c={c} />;
    case "Card":
      return <CardView c={c} />;
    case "Basic":
    case "Col":
      return <Flex c={c} direction="column" />;
    case "Row":
      return <Flex c={c} direction="row" />;
    case "Box":
      return <Flex c={c} direction={c.direction === "row" ? "row" : "column"} />;
    case "Text":
    case "Title":
    case "Caption":
      return <TextView c={c} />;
    case "Badge":
      return <BadgeView c={c} />;
    case "Button":
      return <ButtonView c={c} />;
    case "Checkbox":
      return <CheckboxView c={c} />;
    case "Spacer":
      return <span aria-hidden="true" className="flex-1" style={{ minWidth: length(c.minSize), minHeight: length(c.minSize) }} />;
    case "Divider":
      return <hr className="border-slate-200" style={{ marginBlock: length(c.spacing) }} />;
    default:
      return null; // a component we never emit
  }
}

function Children({ nodes }: { nodes: unknown }) {
  const list = (Array.isArray(nodes) ? nodes : nodes ? [nodes] : []) as Node[];
  return list.map((n, i) => <Component key={n.key ?? n.id ?? `#${i}`} node={n} />);
}

// ---- layout ----------------------------------------------------------------------------------

/** ChatKit's spacing numbers are steps of 4 px; strings are CSS lengths (anything else is ignored). */
function length(v: number | string | null | undefined): string | undefined {
  if (typeof v === "number") return `${v * 4}px`;
  if (typeof v === "string" && /^\d+(\.\d+)?(px|rem|em|%)$/.test(v)) return v;
  return undefined;
}

type Spacing = number | string | { top?: number | string; bottom?: number | string; left?: number | string; right?: number | string; x?: number | string; y?: number | string };

function padding(p: Spacing | null | undefined): CSSProperties {
  if (p == null) return {};
  if (typeof p !== "object") return { padding: length(p) };
  return {
    paddingTop: length(p.top ?? p.y),
    paddingBottom: length(p.bottom ?? p.y),
    paddingLeft: length(p.left ?? p.x),
    paddingRight: length(p.right ?? p.x),
  };
}

const ALIGN = { start: "flex-start", center: "center", end: "flex-end", baseline: "baseline", stretch: "stretch" } as const;
const JUSTIFY = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  between: "space-between",
  around: "space-around",
  evenly: "space-evenly",
  stretch: "stretch",
} as const;

/** Colour names (ChatKit's tokens) in this app's palette, or a plain hex colour; nothing else. */
const COLORS: Record<string, string> = {
  prose: "#0f172a",
  primary: "#0f172a",
  emphasis: "#0f172a",
  secondary: "#475569",
  tertiary: "#64748b",
  success: "#15803d",
  danger: "#b91c1c",
  warning: "#b45309",
  caution: "#b45309",
  info: "#1d4ed8",
  discovery: "#6d28d9",
  surface: "#ffffff",
  "surface-secondary": "#f8fafc",
  "surface-tertiary": "#f1f5f9",
};
function color(v: string | ThemeColor | null | undefined): string | undefined {
  const name = typeof v === "object" && v ? v.light : v;
  if (!name) return undefined;
  return COLORS[name] ?? (/^#[0-9a-f]{3,8}$/i.test(name) ? name : undefined);
}

/** A container with a Spacer is meant to span its parent (the Spacer pushes its ends apart). */
function pushesApart(children: unknown): boolean {
  return Array.isArray(children) && children.some((n: Node) => n.type === "Spacer");
}

function Flex({ c, direction }: { c: Box | Row | Col | { children?: unknown }; direction: "row" | "column" }) {
  const box = c as Box;
  const style: CSSProperties = {
    display: "flex",
    flexDirection: direction,
    minWidth: 0,
    gap: length(box.gap) ?? (direction === "row" ? "8px" : undefined),
    alignItems: box.align ? ALIGN[box.align] : direction === "row" ? "center" : undefined,
    justifyContent: box.justify ? JUSTIFY[box.justify] : undefined,
    flexWrap: box.wrap ?? undefined,
    flex: typeof box.flex === "number" ? `${box.flex} 1 0%` : (box.flex ?? (pushesApart(c.children) ? "1 1 auto" : undefined)),
    background: color(box.background),
    borderRadius: box.radius ? (box.radius === "full" ? "9999px" : "12px") : undefined,
    border: typeof box.border === "number" ? `${box.border}px solid #e2e8f0` : undefined,
    ...padding(box.padding),
  };
  return (
    <div style={style}>
      <Children nodes={c.children} />
    </div>
  );
}

// ---- text ------------------------------------------------------------------------------------

const TEXT_SIZE = { xs: "text-xs", sm: "text-sm", md: "text-[15px]", lg: "text-lg", xl: "text-xl" } as const;
const TITLE_SIZE = { sm: "text-base", md: "text-lg", lg: "text-xl", xl: "text-2xl", "2xl": "text-2xl", "3xl": "text-3xl", "4xl": "text-3xl", "5xl": "text-3xl" } as const;
const CAPTION_SIZE = { sm: "text-xs", md: "text-[13px]", lg: "text-sm" } as const;
const WEIGHT = { normal: "font-normal", medium: "font-medium", semibold: "font-semibold", bold: "font-bold" } as const;

function TextView({ c }: { c: Text | Title | Caption }) {
  const size = c.type === "Title" ? TITLE_SIZE[c.size ?? "md"] : c.type === "Caption" ? CAPTION_SIZE[c.size ?? "md"] : TEXT_SIZE[c.size ?? "md"];
  const weight = WEIGHT[c.weight ?? (c.type === "Title" ? "semibold" : "normal")];
  const fallback = c.type === "Caption" ? COLORS.secondary : undefined;
  const text = c.type === "Text" ? c : null;
  const classes = [
    size,
    weight,
    "min-w-0",
    c.truncate ? "truncate" : "",
    text?.italic ? "italic" : "",
    text?.lineThrough ? "line-through" : "",
  ];
  const style: CSSProperties = {
    color: color(c.color) ?? (text?.lineThrough ? COLORS.tertiary : fallback),
    textAlign: c.textAlign === "end" ? "end" : c.textAlign === "center" ? "center" : undefined,
  };
  if (c.maxLines) Object.assign(style, { display: "-webkit-box", WebkitLineClamp: c.maxLines, WebkitBoxOrient: "vertical", overflow: "hidden" });
  const Tag = c.type === "Title" ? "h3" : "p";
  return (
    <Tag className={classes.filter(Boolean).join(" ")} style={style}>
      {c.value}
    </Tag>
  );
}

const BADGE = {
  secondary: "bg-slate-100 text-slate-700 ring-slate-200",
  success: "bg-green-50 text-green-800 ring-green-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  discovery: "bg-violet-50 text-violet-800 ring-violet-200",
} as const;

function BadgeView({ c }: { c: Badge }) {
  const tone = BADGE[c.color ?? "secondary"];
  const shape = c.pill === false ? "rounded-md" : "rounded-full";
  const ring = c.variant === "outline" ? "bg-transparent ring-1 ring-inset" : c.variant === "solid" ? "ring-1 ring-inset font-semibold" : "ring-1 ring-inset";
  return <span className={`inline-flex shrink-0 items-center px-2 py-0.5 text-xs font-medium ${shape} ${tone} ${ring}`}>{c.label}</span>;
}

// ---- controls --------------------------------------------------------------------------------

/**
 * Names for controls that carry no label of their own, from what the action does to the row
 * (the server's action names, generated into protocol.ts).
 */
function controlName(action: ActionConfig | null | undefined, row: string | null, checked: boolean): string | undefined {
  if (action?.type === TASK_TOGGLE_ACTION && row) return `Mark '${row}' ${checked ? "not done" : "done"}`;
  if (action?.type === CHANGES_UNDO_ACTION) return "Undo";
  return row ?? undefined;
}

/** A control's action: `fire()` sends it once at a time; `busy` while it is in flight. */
function useAction(action: ActionConfig | null | undefined) {
  const run = useContext(Scope);
  const [busy, setBusy] = useState(false);
  const usable = Boolean(action && run && action.handler !== "client");
  const fire = async () => {
    if (!usable || busy) return false;
    setBusy(true);
    try {
      return await run!(action!);
    } finally {
      setBusy(false);
    }
  };
  return { busy, usable, fire };
}

const BUTTON_TONE = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700",
  outline: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  soft: "bg-slate-100 text-slate-800 hover:bg-slate-200",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

function buttonTone(c: Button): keyof typeof BUTTON_TONE {
  if (c.color === "danger") return "danger";
  if (c.variant === "outline" || c.variant === "ghost" || c.variant === "soft") return c.variant;
  if (c.style === "primary" || c.color === "primary" || c.variant === "solid") return "primary";
  return "outline";
}

const ICONS: Record<string, ReactNode> = {
  check: <CheckIcon />,
  "check-circle": <CheckIcon />,
  "check-circle-filled": <CheckIcon />,
  reload: (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
      <path d="M3 3v5h5" />
    </svg>
  ),
};

function ButtonView({ c }: { c: Button }) {
  const row = useContext(RowTitle);
  const { busy, usable, fire } = useAction(c.onClickAction);
  const small = ["3xs", "2xs", "xs", "sm"].includes(c.size ?? "sm");
  return (
    <button
      type="button"
      onClick={() => void fire()}
      disabled={Boolean(c.disabled) || busy || !usable}
      aria-busy={busy || undefined}
      aria-label={c.label ? undefined : controlName(c.onClickAction, row, false)}
      className={`btn ${small ? "btn-sm" : ""} ${c.pill ? "rounded-full" : ""} ${c.block ? "w-full" : "shrink-0"} ${BUTTON_TONE[buttonTone(c)]}`}
    >
      {c.iconStart && ICONS[c.iconStart]}
      {c.label}
      {c.iconEnd && ICONS[c.iconEnd]}
    </button>
  );
}

function CheckboxView({ c }: { c: Checkbox }) {
  const row = useContext(RowTitle);
  const { busy, usable, fire } = useAction(c.onChangeAction);
  // Shown at once on click; the server's redraw has the last word when the action ends.
  const [local, setLocal] = useState<boolean | null>(null);
  const checked = local ?? Boolean(c.defaultChecked);
  const change = async () => {
    setLocal(!checked);
    if (!usable) return;
    await fire();
    setLocal(null);
  };
  const box = (
    <span className="relative inline-flex size-[22px] shrink-0">
      <input
        type="checkbox"
        name={c.name}
        checked={checked}
        disabled={Boolean(c.disabled) || busy || (!usable && Boolean(c.onChangeAction))}
        onChange={() => void change()}
        aria-busy={busy || undefined}
        aria-label={c.label ? undefined : controlName(c.onChangeAction, row, checked)}
        className="peer size-[22px] cursor-pointer appearance-none rounded-full border-2 border-slate-400 bg-white transition-colors hover:border-indigo-500 checked:border-indigo-600 checked:bg-indigo-600 disabled:cursor-wait disabled:opacity-60"
      />
      <CheckIcon className="pointer-events-none absolute inset-0 m-auto size-3.5 text-white opacity-0 peer-checked:opacity-100" strokeWidth={3} />
    </span>
  );
  if (!c.label) return box;
  return (
    <label className="flex cursor-pointer items-center gap-2 text-[15px] text-slate-900">
      {box}
      {c.label}
    </label>
  );
}

// ---- roots and rows --------------------------------------------------------------------------

/** The first Text or Title in a row, depth first: what the row is about. */
function titleOf(nodes: unknown): string | null {
  for (const n of (Array.isArray(nodes) ? nodes : []) as Node[]) {
    if (n.type === "Text" || n.type === "Title") return String((n as Text).value);
    if (n.type !== "Caption" && n.type !== "Badge") {
      const inner = titleOf(n.children);
      if (inner) return inner;
    }
  }
  return null;
}

function ListViewItemView({ c }: { c: ListViewItem }) {
  const style: CSSProperties = { gap: length(c.gap) ?? "12px", alignItems: c.align ? ALIGN[c.align] : "center" };
  return (
    <li data-testid="widget-row" className="flex px-4 py-3" style={style}>
      <RowTitle value={titleOf(c.children)}>
        <Children nodes={c.children} />
      </RowTitle>
    </li>
  );
}

function ListViewView({ c }: { c: ListView }) {
  return (
    <section aria-label={c.status?.text || undefined} className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
      {c.status?.text && <h3 className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-700">{c.status.text}</h3>}
      <ul className="divide-y divide-slate-100">
        {c.children.map((row, i) => (
          <ListViewItemView key={row.key ?? row.id ?? `#${i}`} c={row} />
        ))}
      </ul>
    </section>
  );
}

const CARD_WIDTH = { sm: "max-w-sm", md: "max-w-md", lg: "max-w-xl", full: "" } as const;

function CardView({ c }: { c: Card }) {
  return (
    <div
      className={`flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white shadow-sm ${CARD_WIDTH[c.size ?? "full"]}`}
      style={{ background: color(c.background), padding: "12px 16px", ...padding(c.padding) }}
    >
      <Children nodes={c.children} />
    </div>
  );
}
