"use client";

import { useState, type FormEvent, type KeyboardEvent, type Ref } from "react";
import TextareaAutosize from "react-textarea-autosize";

import { ArrowUpIcon, StopIcon } from "@/components/icons";

type Props = {
  streaming: boolean;
  disabled?: boolean;
  /** Resolves false when the message was refused: the draft comes back. */
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  inputRef?: Ref<HTMLTextAreaElement>;
  placeholder?: string;
};

export const MAX_MESSAGE_CHARS = 10_000; // the server's limit (422 beyond it)

export function Composer({ streaming, disabled, onSend, onStop, inputRef, placeholder = "Ask about your tasks…" }: Props) {
  const [draft, setDraft] = useState("");
  const empty = !draft.trim();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (empty || streaming || disabled) return;
    const text = draft.trim();
    setDraft("");
    const taken = await onSend(text);
    if (!taken) setDraft((current) => current || text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="px-3 pb-3 pt-1">
      <div className="mx-auto flex max-w-3xl items-end gap-2 rounded-[1.75rem] border border-slate-300 bg-white py-2 pl-4 pr-2 shadow-sm focus-within:border-slate-500">
        <TextareaAutosize
          ref={inputRef}
          aria-label="Message the assistant"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          minRows={1}
          maxRows={8}
          maxLength={MAX_MESSAGE_CHARS}
          placeholder={placeholder}
          className="min-w-0 flex-1 resize-none bg-transparent py-1.5 text-[15px] text-slate-900 outline-none placeholder:text-slate-500"
        />
        {streaming ? (
          <button
            type="button"
            onClick={onStop}
            aria-label="Stop"
            className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-900 text-white hover:bg-slate-700"
          >
            <StopIcon />
          </button>
        ) : (
          <button
            type="submit"
            aria-label="Send"
            disabled={empty || disabled}
            className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-300 disabled:text-slate-600"
          >
            <ArrowUpIcon />
          </button>
        )}
      </div>
    </form>
  );
}
