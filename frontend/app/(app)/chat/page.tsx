import type { Metadata } from "next";

import { ChatPageView } from "@/components/chat/ChatPageView";

export const metadata: Metadata = { title: "Chat" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ChatPage({ searchParams }: { searchParams: Search }) {
  const { thread } = await searchParams;
  return <ChatPageView initialThread={typeof thread === "string" && thread ? thread : null} />;
}
