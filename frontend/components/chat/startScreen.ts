/** The start screen of both chat UIs: one greeting, the same suggested prompts. */
export const GREETING = "What should we get done?";

export const START_PROMPTS = [
  { label: "What's due today?", prompt: "What's due today?", icon: "calendar" },
  { label: "What's overdue?", prompt: "What's overdue?", icon: "clock" },
  { label: "Add a task", prompt: "Remind me to call mom tomorrow", icon: "write" },
  { label: "Show my high-priority tasks", prompt: "Show my high priority tasks", icon: "search" },
] as const;
