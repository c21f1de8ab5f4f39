"use client";

import { memo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * The assistant's text as markdown, made safe: raw HTML is never parsed (it shows as the text it
 * is, e.g. a task titled "<b>x</b>"),
 * the result is sanitised with GitHub's schema narrowed further, links may only be
 * http(s)/mailto and open in a new tab without an opener, and there are no images at all
 * (nothing is ever loaded from another origin).
 */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !["img", "picture", "source"].includes(tag)),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** remark plugin: raw HTML in the markdown becomes plain text (react-markdown would drop it). */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

export const SAFE_LINK = /^(https?:|mailto:)/i;

const components: Components = {
  a: ({ href, children }) =>
    href && SAFE_LINK.test(href) ? (
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-indigo-700 underline underline-offset-2">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  table: ({ children }) => (
    <div className="my-2 overflow-x-auto">
      <table className="text-left text-sm">{children}</table>
    </div>
  ),
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded-lg bg-slate-100 p-3 text-[13px]">{children}</pre>,
};

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="chat-markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm, htmlAsText]} rehypePlugins={[[rehypeSanitize, schema]]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
