import MarkdownIt from 'markdown-it';
import { el, type XmlElement, type XmlNode } from './xml.ts';

/**
 * Decision text (Markdown) → Akoma Ntoso blocks. Markdown-it parses the text (raw HTML stays
 * text); the tokens become:
 * - a numbered list at the top level → one `<paragraph>` per item, with its `<num>` ("1.");
 * - any other list → `<blockList>` of `<item>`s (numbered ones keep their `<num>`);
 * - paragraphs, headings, code and table rows → `<p>`; emphasis → `<i>`, strong → `<b>`,
 *   hard breaks → `<eol/>`; links and images keep their text.
 * eIds follow the naming convention's path style (`para_2__list_1__item_3`) and are unique.
 */

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<typeof md.parse>[number];

interface Cursor {
  tokens: Token[];
  i: number;
}

/** Inline children of one `inline` token as AKN inline nodes. */
function inlineNodes(token: Token | undefined): XmlNode[] {
  const children = token?.children ?? [];
  const root: XmlNode[] = [];
  const stack: { name: string | null; nodes: XmlNode[] }[] = [{ name: null, nodes: root }];
  const top = () => stack[stack.length - 1] as { name: string | null; nodes: XmlNode[] };
  const push = (node: XmlNode) => {
    const nodes = top().nodes;
    const last = nodes[nodes.length - 1];
    if (typeof node === 'string' && typeof last === 'string') {
      nodes[nodes.length - 1] = last + node;
    } else {
      nodes.push(node);
    }
  };
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(t.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push(el('eol'));
        break;
      case 'image':
        push(t.content);
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open': {
        stack.push({
          name: t.type === 'strong_open' ? 'b' : t.type === 'em_open' ? 'i' : 'del',
          nodes: [],
        });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close': {
        const done = stack.pop();
        if (done?.name && stack.length > 0) {
          if (done.nodes.length > 0) {
            push(el(done.name, {}, done.nodes));
          }
        }
        break;
      }
      default:
        // link_open/link_close carry no text: the link text flows on as plain text.
        break;
    }
  }
  // Unbalanced markers cannot come out of markdown-it, but never lose text if they did.
  while (stack.length > 1) {
    const done = stack.pop() as { name: string | null; nodes: XmlNode[] };
    for (const n of done.nodes) {
      push(n);
    }
  }
  return root;
}

const p = (children: XmlNode[], cls?: string): XmlElement => el('p', { class: cls }, children);

/** Lines of a code block as one paragraph with line ends. */
function codeParagraph(content: string): XmlElement {
  const lines = content.replace(/\n$/, '').split('\n');
  const nodes: XmlNode[] = [];
  lines.forEach((line, idx) => {
    if (idx > 0) {
      nodes.push(el('eol'));
    }
    if (line) {
      nodes.push(line);
    }
  });
  return p(nodes, 'code');
}

/** Reads blocks until the closing token of the current container (or the end). */
function readBlocks(c: Cursor, closing: string | null, prefix: string): XmlElement[] {
  const out: XmlElement[] = [];
  let lists = 0;
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i] as Token;
    if (closing && t.type === closing) {
      c.i++;
      return out;
    }
    switch (t.type) {
      case 'paragraph_open': {
        out.push(p(inlineNodes(c.tokens[c.i + 1])));
        c.i += 3;
        break;
      }
      case 'heading_open': {
        out.push(p(inlineNodes(c.tokens[c.i + 1]), 'heading'));
        c.i += 3;
        break;
      }
      case 'code_block':
      case 'fence': {
        out.push(codeParagraph(t.content));
        c.i++;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        lists++;
        out.push(readBlockList(c, `${prefix}list_${lists}`));
        break;
      }
      case 'table_open': {
        out.push(...readTable(c));
        break;
      }
      default:
        // blockquote_open/close, hr and the like carry no text of their own.
        c.i++;
    }
  }
  return out;
}

/** A list as `<blockList>`: numbered items keep their number. */
function readBlockList(c: Cursor, eId: string): XmlElement {
  const openToken = c.tokens[c.i] as Token;
  const ordered = openToken.type === 'ordered_list_open';
  const closing = ordered ? 'ordered_list_close' : 'bullet_list_close';
  let n = Number(openToken.attrGet('start') ?? 1);
  c.i++;
  const items: XmlElement[] = [];
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i] as Token;
    if (t.type === closing) {
      c.i++;
      break;
    }
    if (t.type === 'list_item_open') {
      c.i++;
      const itemId = `${eId}__item_${items.length + 1}`;
      const blocks = readBlocks(c, 'list_item_close', `${itemId}__`);
      items.push(
        el('item', { eId: itemId }, [
          ordered ? el('num', {}, [`${n}.`]) : null,
          ...(blocks.length > 0 ? blocks : [p([])]),
        ]),
      );
      n++;
      continue;
    }
    c.i++;
  }
  return el(
    'blockList',
    { eId },
    items.length > 0 ? items : [el('item', { eId: `${eId}__item_1` }, [p([])])],
  );
}

/** A table as one paragraph per row, cells separated by " | ". */
function readTable(c: Cursor): XmlElement[] {
  const rows: XmlElement[] = [];
  let cells: XmlNode[][] = [];
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i] as Token;
    c.i++;
    if (t.type === 'table_close') {
      break;
    }
    if (t.type === 'tr_open') {
      cells = [];
    } else if (t.type === 'inline') {
      cells.push(inlineNodes(t));
    } else if (t.type === 'tr_close') {
      const nodes: XmlNode[] = [];
      cells.forEach((cell, idx) => {
        if (idx > 0) {
          nodes.push(' | ');
        }
        nodes.push(...cell);
      });
      rows.push(p(nodes.reduce<XmlNode[]>(mergeText, []), 'row'));
    }
  }
  return rows;
}

function mergeText(acc: XmlNode[], node: XmlNode): XmlNode[] {
  const last = acc[acc.length - 1];
  if (typeof node === 'string' && typeof last === 'string') {
    acc[acc.length - 1] = last + node;
  } else {
    acc.push(node);
  }
  return acc;
}

/**
 * The body of a decision: top-level numbered items become `<paragraph>`s with `<num>` and
 * `<content>`; everything else stays a block. Never empty (the schema needs one element).
 */
export function markdownToAkn(source: string, eIdPrefix = ''): XmlElement[] {
  const c: Cursor = { tokens: md.parse(source, {}), i: 0 };
  const out: XmlElement[] = [];
  let paragraphs = 0;
  let lists = 0;
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i] as Token;
    if (t.type === 'ordered_list_open') {
      let n = Number(t.attrGet('start') ?? 1);
      c.i++;
      while (c.i < c.tokens.length) {
        const item = c.tokens[c.i] as Token;
        if (item.type === 'ordered_list_close') {
          c.i++;
          break;
        }
        if (item.type === 'list_item_open') {
          c.i++;
          paragraphs++;
          const eId = `${eIdPrefix}para_${paragraphs}`;
          const blocks = readBlocks(c, 'list_item_close', `${eId}__`);
          out.push(
            el('paragraph', { eId }, [
              el('num', {}, [`${n}.`]),
              el('content', {}, blocks.length > 0 ? blocks : [p([])]),
            ]),
          );
          n++;
          continue;
        }
        c.i++;
      }
      continue;
    }
    if (t.type === 'bullet_list_open') {
      lists++;
      out.push(readBlockList(c, `${eIdPrefix}list_${lists}`));
      continue;
    }
    // One top-level block at a time, so lists after it are seen by this loop.
    const sub: Cursor = { tokens: c.tokens, i: c.i };
    const single = readOneBlock(sub);
    out.push(...single);
    c.i = sub.i;
  }
  return out.length > 0 ? out : [p([])];
}

/** Reads exactly one top-level non-list block. */
function readOneBlock(c: Cursor): XmlElement[] {
  const t = c.tokens[c.i] as Token;
  if (t.type === 'table_open') {
    return readTable(c);
  }
  if (t.type === 'paragraph_open' || t.type === 'heading_open') {
    const node = p(
      inlineNodes(c.tokens[c.i + 1]),
      t.type === 'heading_open' ? 'heading' : undefined,
    );
    c.i += 3;
    return [node];
  }
  if (t.type === 'code_block' || t.type === 'fence') {
    c.i++;
    return [codeParagraph(t.content)];
  }
  c.i++;
  return [];
}

/**
 * Markdown as blocks only (`<p>`, `<blockList>`), for places where hierarchical `<paragraph>`s are
 * not allowed, such as a `debateSection` of minutes.
 */
export function markdownToBlocks(source: string, eIdPrefix: string): XmlElement[] {
  const blocks = readBlocks({ tokens: md.parse(source, {}), i: 0 }, null, eIdPrefix);
  return blocks.length > 0 ? blocks : [p([])];
}
