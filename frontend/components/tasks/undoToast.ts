/**
 * The dashboard's Undo: after a complete or delete, a toast ("Completed 'Buy milk'") whose Undo
 * button reverts that change set (lib/changes.ts) and refreshes the list. Sonner announces toasts
 * politely; the button is a real button (Tab reaches it, Alt+T jumps to the toasts).
 */
import { toast } from "sonner";

import { changesApi } from "@/lib/changes";
import { messageOf } from "@/lib/http";

/** Long enough to read and to reach by keyboard; sonner pauses it while hovered or focused. */
const UNDO_WINDOW_MS = 10_000;

/** Pass as a mutation's `onChange`: when the server made a change set, offer to undo it. */
export function offerUndo(what: string, refresh: () => unknown): (changeId: string) => void {
  return (changeId) => {
    toast(what, {
      duration: UNDO_WINDOW_MS,
      action: { label: "Undo", onClick: () => void undo(changeId, refresh) },
    });
  };
}

async function undo(changeId: string, refresh: () => unknown) {
  try {
    const { skipped } = await changesApi.undo(changeId);
    await refresh();
    if (skipped.length === 0) toast.success("Undone");
    else toast.warning(`Not undone: ${skipped.map((s) => s.reason).join(" ")}`);
  } catch (error) {
    toast.error(messageOf(error)); // 409: the server says it was already undone
  }
}
