import type { ReactNode } from "react";
import { Toaster } from "sonner";

import { AppHeader } from "@/components/AppHeader";

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader />
      {children}
      {/* Above the chat launcher, which is a bar along the bottom on a phone. */}
      <Toaster position="bottom-center" offset={{ bottom: 72 }} mobileOffset={{ bottom: 72 }} />
    </div>
  );
}
