import type { ReactNode } from "react";
import { Toaster } from "sonner";

import { AppHeader } from "@/components/AppHeader";

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader />
      {children}
      <Toaster position="bottom-center" />
    </div>
  );
}
