/**
 * What the generators of committed TypeScript files share (api-types.mjs, chatkit-types.mjs):
 * reading a JSON document the backend prints, and writing the file or, with `--check`,
 * failing (exit 1) when the committed one differs. UV names the uv binary (default "uv").
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const FRONTEND = path.resolve(import.meta.dirname, "..");
export const REPO = path.resolve(FRONTEND, "..");

/** The JSON that `python -m <module>` prints, run in the repository with the project's uv. */
export function backendJson(module) {
  const out = execFileSync(process.env.UV || "uv", ["run", "--quiet", "python", "-m", module], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** Writes `text` to `out`, or with `--check` says whether the committed file is current. */
export function writeOrCheck(out, text, makeTarget) {
  const name = path.relative(REPO, out);
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
    if (current !== text) {
      console.error(`${name} is stale: run \`make ${makeTarget}\` and commit it.`);
      process.exit(1);
    }
    console.log(`${name} is current.`);
  } else {
    fs.writeFileSync(out, text);
    console.log(`wrote ${name}`);
  }
}
