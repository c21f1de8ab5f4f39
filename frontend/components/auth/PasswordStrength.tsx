"use client";

import { useEffect, useState } from "react";

import { estimatePassword, MIN_SCORE, type Strength } from "@/lib/passwordStrength";

const WORDS = ["Very weak", "Weak", "Fair", "Good", "Strong"];
const COLOURS = ["bg-red-600", "bg-red-500", "bg-amber-500", "bg-lime-600", "bg-emerald-600"];

/** The strength of the password being typed: a meter, and why (read out by screen readers
 * through the field's aria-describedby). */
export function PasswordStrength({ id, password, personal }: { id: string; password: string; personal: string[] }) {
  const [strength, setStrength] = useState<Strength | null>(null);
  const key = personal.join("\n");

  useEffect(() => {
    if (!password) return;
    let current = true;
    void estimatePassword(password, key.split("\n")).then((s) => current && setStrength(s));
    return () => {
      current = false;
    };
  }, [password, key]);

  const shown = password ? strength : null;
  const refused = shown !== null && (password.length < 8 || shown.score < MIN_SCORE);
  const verdict =
    shown === null
      ? ""
      : password.length < 8
        ? "Too short: use at least 8 characters."
        : refused
          ? `Too easy to guess. ${shown.feedback}`
          : `${WORDS[shown.score]}.${shown.score < 4 && shown.feedback ? ` ${shown.feedback}` : ""}`;

  return (
    <div className="flex flex-col gap-1">
      {shown && (
        <div
          role="meter"
          aria-label="Strength"
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={shown.score}
          aria-valuetext={WORDS[shown.score]}
          className="flex h-1.5 gap-1"
        >
          {[0, 1, 2, 3, 4].map((i) => (
            <span key={i} className={`flex-1 rounded ${i <= shown.score ? COLOURS[shown.score] : "bg-slate-200"}`} />
          ))}
        </div>
      )}
      <p id={id} data-testid="password-strength" aria-live="polite" className={`text-xs ${refused ? "text-red-700" : "text-slate-600"}`}>
        {verdict}
      </p>
    </div>
  );
}
