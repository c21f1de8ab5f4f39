"use client";

import { useCallback, useState } from "react";

import { ChatWidget } from "@/components/chat/ChatWidget";
import { TaskDashboard } from "@/components/tasks/TaskDashboard";

export function DashboardView() {
  // Bumped when the assistant changed tasks: the list re-reads at once (no polling).
  const [tasksVersion, setTasksVersion] = useState(0);
  const tasksChanged = useCallback(() => setTasksVersion((v) => v + 1), []);
  const [chatOpen, setChatOpen] = useState(false);

  return (
    // On wide screens the open widget sits beside the list instead of over it.
    <main
      className={`mx-auto w-full max-w-3xl flex-1 px-3 pb-28 pt-3 sm:px-4 sm:pt-6 ${
        chatOpen ? "lg:mr-[28rem] lg:ml-auto" : ""
      }`}
    >
      <TaskDashboard refreshToken={tasksVersion} />
      <ChatWidget onTasksChanged={tasksChanged} onOpenChange={setChatOpen} />
    </main>
  );
}
