import MarkdownIt from 'markdown-it';
import type { Block, Inline } from './blocks.ts';

// Raw HTML is not markup here (html: false keeps it as text); markdown-it's link validation
// refuses javascript:, vbscript:, file: and data: URLs, and links other than http(s) and mailto
// are written as text.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

type Token = ReturnType<typeof md.parse>[number];

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Decision texts are Markdown; the minutes render their structure, not their characters. A text's
 * own headings sit below the heading it appears under: `# …` becomes level `baseLevel`.
 */
export function markdownBlocks(source: string, baseLevel: 1 | 2 | 3 | 4 = 1): Block[] {
  const tokens = md.parse(source, {});
  const [blocks] = readBlocks(tokens, 0, null);
  if (baseLevel === 1) {
    return blocks;
  }
  return blocks.map(function shift(b: Block): Block {
    if (b.type === 'heading') {
      return { ...b, level: Math.min(4, b.level + baseLevel - 1) as 1 | 2 | 3 | 4 };
    }
    if (b.type === 'quote') {
      return { ...b, blocks: b.blocks.map(shift) };
    }
    if (b.type === 'list') {
      return { ...b, items: b.items.map((item) => item.map(shift)) };
    }
    return b;
  });
}

/** Reads blocks from `i` until the closing token `until` (or the end); returns the next index. */
function readBlocks(tokens: Token[], start: number, until: string | null): [Block[], number] {
  const blocks: Block[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (until !== null && t.type === until) {
      return [blocks, i + 1];
    }
    switch (t.type) {
      case 'heading_open': {
        const level = Math.min(4, Number(t.tag.slice(1)) || 1) as 1 | 2 | 3 | 4;
        blocks.push({ type: 'heading', level, inlines: inlines(tokens[i + 1]) });
        i += 3;
        continue;
      }
      case 'paragraph_open': {
        blocks.push({ type: 'paragraph', inlines: inlines(tokens[i + 1]) });
        i += 3;
        continue;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const startAt = Number(t.attrGet('start') ?? 1) || 1;
        const items: Block[][] = [];
        i += 1;
        while (i < tokens.length && (tokens[i] as Token).type !== close) {
          if ((tokens[i] as Token).type === 'list_item_open') {
            const [itemBlocks, next] = readBlocks(tokens, i + 1, 'list_item_close');
            items.push(itemBlocks);
            i = next;
          } else {
            i += 1;
          }
        }
        blocks.push({ type: 'list', ordered, start: startAt, items });
        i += 1;
        continue;
      }
      case 'blockquote_open': {
        const [inner, next] = readBlocks(tokens, i + 1, 'blockquote_close');
        blocks.push({ type: 'quote', blocks: inner });
        i = next;
        continue;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'code', text: t.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      case 'table_open': {
        const [table, next] = readTable(tokens, i + 1);
        blocks.push(table);
        i = next;
        continue;
      }
      case 'html_block':
        blocks.push({ type: 'paragraph', inlines: [{ text: t.content.trim() }] });
        break;
      default:
        break;
    }
    i += 1;
  }
  return [blocks, i];
}

function readTable(tokens: Token[], start: number): [Block, number] {
  let header: string[] | null = null;
  const rows: Inline[][][] = [];
  let row: Inline[][] | null = null;
  let inHead = false;
  let i = start;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'table_close') {
      break;
    }
    if (t.type === 'thead_open') {
      inHead = true;
    } else if (t.type === 'thead_close') {
      inHead = false;
    } else if (t.type === 'tr_open') {
      row = [];
    } else if (t.type === 'tr_close' && row) {
      if (inHead) {
        header = row.map((cell) => cell.map((part) => part.text).join(''));
      } else {
        rows.push(row);
      }
      row = null;
    } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      row.push(inlines(tokens[i + 1]));
    }
  }
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  return [{ type: 'table', header, rows, widths: Array(columns).fill(1) }, i + 1];
}

/** The runs of an inline token: emphasis, strong, strike-through, code and links. */
function inlines(token: Token | undefined): Inline[] {
  const out: Inline[] = [];
  const style = { bold: 0, italics: 0, strike: 0 };
  let link: string | undefined;
  for (const t of token?.children ?? []) {
    switch (t.type) {
      case 'text':
        if (t.content) {
          out.push(run(t.content, style, link));
        }
        break;
      case 'code_inline':
        out.push({ ...run(t.content, style, link), code: true });
        break;
      case 'softbreak':
        out.push(run(' ', style, link));
        break;
      case 'hardbreak':
        out.push(run('\n', style, link));
        break;
      case 'strong_open':
        style.bold++;
        break;
      case 'strong_close':
        style.bold--;
        break;
      case 'em_open':
        style.italics++;
        break;
      case 'em_close':
        style.italics--;
        break;
      case 's_open':
        style.strike++;
        break;
      case 's_close':
        style.strike--;
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        link = SAFE_LINK.test(href) ? href : undefined;
        break;
      }
      case 'link_close':
        link = undefined;
        break;
      case 'image':
        // Images are not fetched into official documents; their description stands in.
        out.push(run(t.content || String(t.attrGet('alt') ?? ''), style, link));
        break;
      default:
        if (t.content) {
          out.push(run(t.content, style, link));
        }
    }
  }
  return out;
}

function run(
  text: string,
  style: { bold: number; italics: number; strike: number },
  link: string | undefined,
): Inline {
  return {
    text,
    ...(style.bold > 0 ? { bold: true } : {}),
    ...(style.italics > 0 ? { italics: true } : {}),
    ...(style.strike > 0 ? { strike: true } : {}),
    ...(link ? { link } : {}),
  };
}
