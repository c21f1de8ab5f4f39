import type { Metadata } from "next";

import { ConnectAiApp } from "@/components/settings/ConnectAiApp";

export const metadata: Metadata = { title: "Connect an AI app" };

export default function SettingsPage() {
  return <ConnectAiApp />;
}
