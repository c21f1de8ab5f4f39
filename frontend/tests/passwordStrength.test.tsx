import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { AuthForm } from "@/components/auth/AuthForm";
import { estimatePassword } from "@/lib/passwordStrength";

vi.mock("next/navigation", () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));

describe("password strength", () => {
  it("explains why a guessable password is weak, and passes a passphrase", async () => {
    const weak = await estimatePassword("password", []);
    expect(weak.score).toBe(0);
    expect(weak.feedback).toMatch(/heavily used password/i);
    expect((await estimatePassword("correct horse battery", [])).score).toBeGreaterThanOrEqual(3);
    // The user's own email is no password.
    expect((await estimatePassword("sam.jones@example.com", ["sam.jones@example.com"])).score).toBeLessThan(2);
  });

  it("the signup form shows it as the user types, for screen readers too", async () => {
    const user = userEvent.setup();
    render(<AuthForm mode="signup" />);
    const field = screen.getByLabelText("Password");
    await user.type(field, "password");
    const meter = await screen.findByRole("meter", { name: "Strength" });
    expect(meter).toHaveAttribute("aria-valuenow", "0");
    const status = screen.getByTestId("password-strength");
    expect(status).toHaveTextContent(/too easy to guess/i);
    expect(status).toHaveTextContent(/heavily used password/i);
    expect(field).toHaveAttribute("aria-describedby", status.id);

    await user.clear(field);
    await user.type(field, "correct horse battery");
    expect(await screen.findByText(/strong/i)).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Strength" })).toHaveAttribute("aria-valuenow", "4");
  });

  it("a refusal from the server goes away once the password changes", async () => {
    const user = userEvent.setup();
    const refused = { detail: "password: This password is too easy to guess. This is a top-10 common password." };
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(JSON.stringify(refused), { status: 422 }));
    render(<AuthForm mode="signup" />);
    await user.type(screen.getByLabelText("Email"), "sam@example.com");
    await user.type(screen.getByLabelText("Password"), "password");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("too easy to guess");
    await user.type(screen.getByLabelText("Password"), " and more words");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("the login form has no strength meter", async () => {
    const user = userEvent.setup();
    render(<AuthForm mode="login" />);
    await user.type(screen.getByLabelText("Password"), "password");
    expect(screen.queryByRole("meter")).toBeNull();
  });
});
