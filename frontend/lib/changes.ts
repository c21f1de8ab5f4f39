/**
 * Change sets (docs/CONTRACT.md, "Undo"): each task mutation answers with `X-Change-Id`, and
 * `POST /api/changes/{id}/undo` reverts exactly that change (409 once it was undone).
 */
import { apiJson } from "./http";

export const CHANGE_ID_HEADER = "X-Change-Id";

export type UndoResult = { undone: number[]; skipped: { id: number; reason: string }[] };

/** For a mutation's `onHeaders`: hands on its change id, when the server made one. */
export function changeIdTo(onChange?: (changeId: string) => void): ((headers: Headers) => void) | undefined {
  if (!onChange) return undefined;
  return (headers) => {
    const id = headers.get(CHANGE_ID_HEADER);
    if (id) onChange(id);
  };
}

export const changesApi = {
  undo(changeId: string) {
    return apiJson<UndoResult>(`/api/changes/${encodeURIComponent(changeId)}/undo`, { method: "POST" });
  },
};
