import type { LocalizedText } from '@plenum/shared';
import MarkdownIt from 'markdown-it';

// html: false escapes any raw HTML; markdown-it's link validation refuses javascript:, vbscript:,
// file: and data: (but images) URLs. Together the output cannot carry script.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('rel', 'noopener noreferrer nofollow');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders Markdown to HTML that is safe to insert into a page. */
export const renderMarkdown = (source: string): string => md.render(source);

export function renderLocalizedMarkdown(text: LocalizedText): { en?: string; ru?: string } {
  return {
    ...(text.en !== undefined ? { en: renderMarkdown(text.en) } : {}),
    ...(text.ru !== undefined ? { ru: renderMarkdown(text.ru) } : {}),
  };
}
