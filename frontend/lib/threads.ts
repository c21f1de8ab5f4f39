/** Conversation history through the ChatKit protocol on /api/chatkit (JSON operations). */
import { CHATKIT_API_URL } from "./config";
import { apiJson } from "./http";

export type ThreadSummary = {
  id: string;
  title?: string | null;
  created_at: string;
};

export type ThreadPage = { data: ThreadSummary[]; has_more: boolean; after?: string | null };

function call<T>(type: string, params: Record<string, unknown>): Promise<T> {
  return apiJson<T>(CHATKIT_API_URL, { method: "POST", json: { type, params } });
}

export const threadsApi = {
  list(limit: number, after?: string | null): Promise<ThreadPage> {
    return call<ThreadPage>("threads.list", { limit, order: "desc", ...(after ? { after } : {}) });
  },
  rename(threadId: string, title: string): Promise<ThreadSummary> {
    return call<ThreadSummary>("threads.update", { thread_id: threadId, title });
  },
  remove(threadId: string): Promise<unknown> {
    return call<unknown>("threads.delete", { thread_id: threadId });
  },
};

export type ThreadsApi = typeof threadsApi;

/**
 * The conversation the widget shows last, so a reload resumes it (either UI). Forgotten on
 * logout: another account on this browser cannot open it anyway.
 */
const LAST_THREAD_KEY = "todo.chat.lastThread";

export const lastThread = {
  get(): string | null {
    try {
      return window.localStorage.getItem(LAST_THREAD_KEY);
    } catch {
      return null; // storage disabled
    }
  },
  set(threadId: string | null): void {
    try {
      if (threadId) window.localStorage.setItem(LAST_THREAD_KEY, threadId);
      else window.localStorage.removeItem(LAST_THREAD_KEY);
    } catch {
      // storage disabled: a reload starts a new conversation
    }
  },
};
