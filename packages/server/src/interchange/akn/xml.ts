/**
 * A minimal XML tree and its serializer for the Akoma Ntoso outputs. Documents are built as
 * trees of `XmlElement` and plain strings; only `serialize` turns them into text, and every
 * string (text or attribute value) passes through `escapeText` there, so no caller can emit
 * unescaped content by mistake.
 */

export type XmlNode = XmlElement | string;

export interface XmlElement {
  name: string;
  attrs: Record<string, string | undefined>;
  children: XmlNode[];
}

/** An element; attributes whose value is undefined are left out. */
export function el(
  name: string,
  attrs: Record<string, string | undefined> = {},
  children: (XmlNode | null | undefined | false)[] = [],
): XmlElement {
  return {
    name,
    attrs,
    children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false),
  };
}

// XML 1.0 allows tab, LF, CR and the ranges below; anything else (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) cannot be written even as a character reference, so it is dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Element and attribute names come from this module's code, never from content; the check keeps
// it that way.
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function open(e: XmlElement): string {
  if (!NAME.test(e.name)) {
    throw new Error(`Not an XML name: ${e.name}`);
  }
  let out = `<${e.name}`;
  for (const [key, value] of Object.entries(e.attrs)) {
    if (value === undefined) {
      continue;
    }
    if (!NAME.test(key)) {
      throw new Error(`Not an XML name: ${key}`);
    }
    out += ` ${key}="${escapeText(value)}"`;
  }
  return out;
}

/**
 * The tree as text, indented by element. Elements that hold text (mixed content) are written on
 * one line so that no whitespace is added inside the text.
 */
function write(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (typeof node === 'string') {
    out.push(pad + escapeText(node));
    return;
  }
  if (node.children.length === 0) {
    out.push(`${pad}${open(node)}/>`);
    return;
  }
  if (node.children.some((c) => typeof c === 'string')) {
    out.push(`${pad}${open(node)}>${node.children.map(inline).join('')}</${node.name}>`);
    return;
  }
  out.push(`${pad}${open(node)}>`);
  for (const child of node.children) {
    write(child, depth + 1, out);
  }
  out.push(`${pad}</${node.name}>`);
}

function inline(node: XmlNode): string {
  if (typeof node === 'string') {
    return escapeText(node);
  }
  if (node.children.length === 0) {
    return `${open(node)}/>`;
  }
  return `${open(node)}>${node.children.map(inline).join('')}</${node.name}>`;
}

/** A complete UTF-8 XML document with its declaration. */
export function serialize(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
