/**
 * How guessable a password is, as the user types it (signup). zxcvbn-ts and its dictionaries
 * (about a megabyte) are loaded on first use only, so no other page carries them. The server
 * decides (backend/auth/passwords.py, the Python zxcvbn, refuses a score below 2); this is a
 * guide, and the same scale.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export const MIN_SCORE = 2; // as the server

export type Strength = { score: 0 | 1 | 2 | 3 | 4; feedback: string };

let estimator: Promise<ZxcvbnFactory> | null = null;

function load(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return estimator;
}

export async function estimatePassword(password: string, personal: string[]): Promise<Strength> {
  const zxcvbn = await load();
  // The user's email and name, and their parts, are no password either.
  const words = personal.flatMap((p) => [p, ...p.split(/[@.\s_+-]+/)]).filter(Boolean);
  const result = zxcvbn.check(password.slice(0, 72), words);
  const { warning, suggestions } = result.feedback;
  return {
    score: result.score,
    feedback: [warning, ...suggestions].filter(Boolean).join(" "),
  };
}
