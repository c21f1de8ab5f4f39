import type { Metadata } from "next";

import { AuthForm } from "@/components/auth/AuthForm";

export const metadata: Metadata = { title: "Sign up" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignupPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : undefined;
  return <AuthForm mode="signup" next={next} />;
}
