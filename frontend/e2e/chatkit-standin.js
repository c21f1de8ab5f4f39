/*
 * A stand-in for OpenAI's ChatKit web component, served by the end-to-end tests in place of
 * https://cdn.platform.openai.com/deployments/chatkit/chatkit.js (unreachable in tests).
 *
 * It implements the part of the <openai-chatkit> element API that @openai/chatkit-react uses
 * (setOptions, setThreadId, sendUserMessage, setComposerValue, focusComposer, fetchUpdates,
 * showHistory, hideHistory, sendCustomAction; the chatkit.* DOM events with their `detail`
 * shapes from @openai/chatkit's types) and speaks the real ChatKit wire protocol to the real
 * backend through the page's own `api.fetch`: POST {type, params} to `api.url`, JSON answers
 * for threads.get_by_id, Server-Sent Events ("data: {json}") for threads.create and
 * threads.add_user_message. It renders messages, progress, errors, and fires chatkit.effect
 * for client_effect events. It is deliberately small: no markdown, widgets, attachments,
 * retries or history panel.
 */
(() => {
  if (customElements.get("openai-chatkit")) return;

  const STYLE = `
    :host { display: block; font: 14px/1.45 system-ui, sans-serif; color: #0f172a; }
    .root { display: flex; flex-direction: column; height: 100%; box-sizing: border-box; }
    .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
    .start { margin: auto 0; text-align: center; }
    .start h2 { font-size: 18px; margin: 0 0 12px; }
    .prompts { display: flex; flex-wrap: wrap; gap: 6px; justify-content: center; }
    .prompts button { border: 1px solid #cbd5e1; background: #fff; border-radius: 999px; padding: 4px 10px; cursor: pointer; font: inherit; }
    .msg { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
    .user { align-self: flex-end; background: #4f46e5; color: #fff; }
    .assistant { align-self: flex-start; background: #f1f5f9; }
    .progress { align-self: flex-start; color: #475569; font-style: italic; }
    .error { align-self: stretch; background: #fef2f2; color: #991b1b; border-radius: 8px; padding: 8px; }
    form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #e2e8f0; }
    textarea { flex: 1; resize: none; font: inherit; padding: 8px 10px; border: 1px solid #cbd5e1; border-radius: 12px; }
    form button { border: 0; background: #4f46e5; color: #fff; border-radius: 12px; padding: 0 14px; font: inherit; cursor: pointer; }
    form button:disabled { opacity: .5; }
    .badge { font-size: 10px; color: #94a3b8; text-align: center; padding-bottom: 4px; }
  `;

  class HttpError extends Error {
    constructor(status, detail) {
      super(detail || `HTTP ${status}`);
      this.status = status;
    }
  }

  class StandInChatKit extends HTMLElement {
    constructor() {
      super();
      this._options = null;
      this._threadId = null;
      this._items = [];
      this._progress = null;
      this._error = null;
      this._busy = false;
      this._ready = false;
      this.attachShadow({ mode: "open" });
      this.shadowRoot.innerHTML = `<style>${STYLE}</style>
        <div class="root">
          <div class="log" role="log" aria-live="polite" aria-label="Conversation"></div>
          <form><textarea rows="1" aria-label="Message the assistant"></textarea>
          <button type="submit" aria-label="Send message">Send</button></form>
          <div class="badge">ChatKit stand-in (tests)</div>
        </div>`;
      this._log = this.shadowRoot.querySelector(".log");
      this._input = this.shadowRoot.querySelector("textarea");
      this._send = this.shadowRoot.querySelector("form button");
      this.shadowRoot.querySelector("form").addEventListener("submit", (e) => {
        e.preventDefault();
        const text = this._input.value.trim();
        if (text) void this.sendUserMessage({ text });
      });
      this._input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          this.shadowRoot.querySelector("form").requestSubmit();
        }
      });
    }

    // ---- the element API used by @openai/chatkit-react ----

    setOptions(options) {
      const first = this._options === null;
      this._options = options;
      this._input.placeholder = options.composer?.placeholder ?? "Message the AI";
      this._render();
      if (first) {
        // The real element is ready once its frame has loaded, never in the same task: the
        // React binding only listens for events from its effects, after setOptions.
        setTimeout(async () => {
          // As the real element does with a domain key OpenAI does not know: an error, never ready.
          if (window.__standinRejectDomainKey) {
            this._emit("chatkit.error", { error: new Error("Domain verification failed") });
            return;
          }
          this._ready = true;
          this._emit("chatkit.ready");
          if (options.initialThread) await this._load(options.initialThread, false);
        }, 50);
      }
    }

    async setThreadId(threadId) {
      if (threadId === null) {
        this._threadId = null;
        this._items = [];
        this._error = null;
        this._render();
        this._emit("chatkit.thread.change", { threadId: null });
        return;
      }
      await this._load(threadId, true);
    }

    async sendUserMessage(params) {
      const text = params.text ?? (params.content || []).map((c) => c.text).join("");
      const newThread = params.newThread || !this._threadId;
      const input = {
        content: [{ type: "input_text", text }],
        attachments: [],
        inference_options: {},
      };
      const body = newThread
        ? { type: "threads.create", params: { input } }
        : { type: "threads.add_user_message", params: { thread_id: this._threadId, input } };
      if (newThread) {
        this._threadId = null;
        this._items = [];
      }
      await this._stream(body);
    }

    async setComposerValue(params) {
      this._input.value = params.text ?? "";
    }

    async focusComposer() {
      this._input.focus();
    }

    async fetchUpdates() {
      if (this._threadId) await this._load(this._threadId, false);
    }

    async showHistory() {}

    async hideHistory() {}

    async sendCustomAction() {
      throw new Error("The ChatKit stand-in has no widget actions");
    }

    // ---- the wire protocol ----

    async _post(body) {
      const api = this._options.api;
      const doFetch = api.fetch || window.fetch.bind(window);
      const response = await doFetch(api.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        let detail = "";
        try {
          detail = (await response.json()).detail;
        } catch {
          /* not JSON */
        }
        throw new HttpError(response.status, detail);
      }
      return response;
    }

    async _load(threadId, announce) {
      this._emit("chatkit.thread.load.start", { threadId });
      try {
        const thread = await (await this._post({ type: "threads.get_by_id", params: { thread_id: threadId } })).json();
        this._threadId = thread.id;
        this._items = thread.items?.data ?? [];
        this._error = null;
        if (announce) this._emit("chatkit.thread.change", { threadId: thread.id });
      } catch (error) {
        this._fail(error);
      } finally {
        this._render();
        this._emit("chatkit.thread.load.end", { threadId });
      }
    }

    async _stream(body) {
      this._busy = true;
      this._error = null;
      this._input.value = "";
      this._render();
      this._emit("chatkit.response.start");
      try {
        const response = await this._post(body);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const chunk = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            for (const line of chunk.split("\n")) {
              if (line.startsWith("data:")) this._apply(JSON.parse(line.slice(5).trimStart()));
            }
          }
        }
      } catch (error) {
        this._fail(error);
      } finally {
        this._busy = false;
        this._progress = null;
        this._render();
        this._emit("chatkit.response.end");
      }
    }

    _apply(event) {
      switch (event.type) {
        case "thread.created":
          this._threadId = event.thread.id;
          this._emit("chatkit.thread.change", { threadId: event.thread.id });
          break;
        case "thread.item.added":
        case "thread.item.done":
        case "thread.item.replaced":
          this._upsert(event.item);
          if (event.item.type === "assistant_message") this._progress = null;
          break;
        case "thread.item.removed":
          this._items = this._items.filter((i) => i.id !== event.item_id);
          break;
        case "thread.item.updated": {
          const item = this._items.find((i) => i.id === event.item_id);
          const update = event.update;
          if (!item || !item.content) break;
          const index = update.content_index ?? 0;
          if (update.type === "assistant_message.content_part.added") {
            item.content[index] = { ...update.content };
          } else if (update.type === "assistant_message.content_part.text_delta") {
            item.content[index] = item.content[index] || { type: "output_text", text: "" };
            item.content[index].text += update.delta;
          } else if (update.type === "assistant_message.content_part.done") {
            item.content[index] = { ...update.content };
          }
          break;
        }
        case "progress_update":
          this._progress = event.text;
          break;
        case "client_effect":
          this._emit("chatkit.effect", { name: event.name, data: event.data });
          break;
        case "error":
          this._fail(new Error(event.message || "Something went wrong"));
          break;
        default:
          break; // stream_options, thread.updated, notice: nothing to draw here
      }
      this._render();
    }

    _upsert(item) {
      const copy = JSON.parse(JSON.stringify(item));
      const at = this._items.findIndex((i) => i.id === item.id);
      if (at >= 0) this._items[at] = copy;
      else this._items.push(copy);
    }

    _fail(error) {
      this._error = error.status === 401 ? "Your session has ended." : error.message;
      this._emit("chatkit.error", { error });
    }

    _emit(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: false, composed: true }));
    }

    // ---- drawing ----

    _render() {
      const log = this._log;
      log.replaceChildren();
      const shown = this._items.filter((i) => i.type === "user_message" || i.type === "assistant_message");
      if (shown.length === 0 && !this._busy && !this._error) {
        const start = document.createElement("div");
        start.className = "start";
        const title = document.createElement("h2");
        title.textContent = this._options?.startScreen?.greeting ?? "What can I help with today?";
        const prompts = document.createElement("div");
        prompts.className = "prompts";
        for (const p of this._options?.startScreen?.prompts ?? []) {
          const b = document.createElement("button");
          b.type = "button";
          b.textContent = p.label;
          b.addEventListener("click", () =>
            void this.sendUserMessage({ text: typeof p.prompt === "string" ? p.prompt : p.prompt.map((c) => c.text).join("") }),
          );
          prompts.append(b);
        }
        start.append(title, prompts);
        log.append(start);
      }
      for (const item of shown) {
        const div = document.createElement("div");
        div.className = `msg ${item.type === "user_message" ? "user" : "assistant"}`;
        div.dataset.role = item.type === "user_message" ? "user" : "assistant";
        div.textContent = (item.content || []).map((c) => c.text || "").join("");
        log.append(div);
      }
      if (this._progress) {
        const p = document.createElement("div");
        p.className = "progress";
        p.textContent = this._progress;
        log.append(p);
      }
      if (this._error) {
        const e = document.createElement("div");
        e.className = "error";
        e.setAttribute("role", "alert");
        e.textContent = this._error;
        log.append(e);
      }
      this._send.disabled = this._busy;
      log.scrollTop = log.scrollHeight;
    }
  }

  customElements.define("openai-chatkit", StandInChatKit);
})();
