import type { AgendaItem, AgendaOrderNode } from '@plenum/shared';

/** The agenda's shape: ids only. Titles and kinds are looked up in the items. */
export interface Node {
  id: string;
  children: Node[];
}

/** One row of the agenda as shown: the node flattened depth-first with its level and number. */
export interface FlatNode {
  id: string;
  parentId: string | null;
  depth: number;
  position: string;
  /** How many descendants move with this row. */
  descendants: number;
}

/** The tree of a depth-first list of items with parentId and ordinal. */
export function treeOf(items: AgendaItem[]): Node[] {
  const nodes = new Map<string, Node>(items.map((i) => [i.id, { id: i.id, children: [] }]));
  const roots: Node[] = [];
  const sorted = [...items].sort((a, b) => a.ordinal - b.ordinal);
  for (const item of sorted) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function flatten(tree: Node[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: Node[], parentId: string | null, depth: number, prefix: string): number => {
    let count = 0;
    nodes.forEach((node, index) => {
      const position = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      const row: FlatNode = { id: node.id, parentId, depth, position, descendants: 0 };
      out.push(row);
      row.descendants = walk(node.children, node.id, depth + 1, position);
      count += 1 + row.descendants;
    });
    return count;
  };
  walk(tree, null, 0, '');
  return out;
}

/** The request body of PUT …/agenda-items/order. */
export function orderOf(tree: Node[]): AgendaOrderNode[] {
  return tree.map((n) =>
    n.children.length ? { id: n.id, children: orderOf(n.children) } : { id: n.id },
  );
}

/** The tree back from flat rows that carry parentId (array order is sibling order). */
export function treeFromFlat(rows: { id: string; parentId: string | null }[]): Node[] {
  const nodes = new Map<string, Node>(rows.map((r) => [r.id, { id: r.id, children: [] }]));
  const roots: Node[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function clone(tree: Node[]): Node[] {
  return tree.map((n) => ({ id: n.id, children: clone(n.children) }));
}

/** The list of siblings that holds id, and its index there. */
function locate(
  tree: Node[],
  id: string,
  parent: Node | null = null,
): { list: Node[]; index: number; parent: Node | null } | null {
  const index = tree.findIndex((n) => n.id === id);
  if (index >= 0) {
    return { list: tree, index, parent };
  }
  for (const node of tree) {
    const found = locate(node.children, id, node);
    if (found) {
      return found;
    }
  }
  return null;
}

function height(node: Node): number {
  return 1 + Math.max(0, ...node.children.map(height));
}

function depthOf(tree: Node[], id: string): number {
  const row = flatten(tree).find((r) => r.id === id);
  return row ? row.depth : 0;
}

export type Move = 'up' | 'down' | 'indent' | 'outdent';

/** Whether a move is possible, keeping the agenda within maxDepth levels. */
export function canMove(tree: Node[], id: string, move: Move, maxDepth: number): boolean {
  const at = locate(tree, id);
  if (!at) {
    return false;
  }
  switch (move) {
    case 'up':
      return at.index > 0;
    case 'down':
      return at.index < at.list.length - 1;
    case 'indent':
      return at.index > 0 && depthOf(tree, id) + 1 + height(at.list[at.index]!) <= maxDepth;
    case 'outdent':
      return at.parent !== null;
  }
}

/** The tree after one move of an item (its sub-items move with it). */
export function applyMove(tree: Node[], id: string, move: Move): Node[] {
  const next = clone(tree);
  const at = locate(next, id);
  if (!at) {
    return tree;
  }
  const { list, index } = at;
  const node = list[index]!;
  switch (move) {
    case 'up':
      list.splice(index, 1);
      list.splice(index - 1, 0, node);
      break;
    case 'down':
      list.splice(index, 1);
      list.splice(index + 1, 0, node);
      break;
    case 'indent': {
      // Becomes the last sub-item of the item above it.
      const previous = list[index - 1]!;
      list.splice(index, 1);
      previous.children.push(node);
      break;
    }
    case 'outdent': {
      // Becomes the sibling right after its former parent.
      const parentAt = locate(next, at.parent!.id)!;
      list.splice(index, 1);
      parentAt.list.splice(parentAt.index + 1, 0, node);
      break;
    }
  }
  return next;
}

/**
 * Where a dragged row lands: the row it is over, and the level chosen by how far it was dragged
 * sideways, bounded by its neighbours (the approach of dnd-kit's sortable tree example).
 */
export function projectDrop(
  rows: FlatNode[],
  activeId: string,
  overId: string,
  offsetX: number,
  indentWidth: number,
  maxDepth: number,
): { depth: number; parentId: string | null } | null {
  const activeIndex = rows.findIndex((r) => r.id === activeId);
  const overIndex = rows.findIndex((r) => r.id === overId);
  const active = rows[activeIndex];
  if (!active || overIndex < 0) {
    return null;
  }
  // The dragged row's own sub-items are not places to drop it.
  const candidates = rows.filter(
    (_r, i) => i <= activeIndex || i > activeIndex + active.descendants,
  );
  const from = candidates.findIndex((r) => r.id === activeId);
  const to = candidates.findIndex((r) => r.id === overId);
  if (to < 0) {
    return null;
  }
  const moved = [...candidates];
  moved.splice(to, 0, moved.splice(from, 1)[0]!);
  const previous = moved[to - 1];
  const next = moved[to + 1];
  const subtreeHeight = maxSubDepth(rows, activeIndex) - active.depth;
  const wanted = active.depth + Math.round(offsetX / indentWidth);
  const maxAllowed = Math.min(previous ? previous.depth + 1 : 0, maxDepth - 1 - subtreeHeight);
  const minAllowed = next ? next.depth : 0;
  const depth = Math.max(Math.min(wanted, maxAllowed), Math.min(minAllowed, maxAllowed), 0);
  let parentId: string | null = null;
  if (depth > 0 && previous) {
    if (depth === previous.depth) {
      parentId = previous.parentId;
    } else if (depth > previous.depth) {
      parentId = previous.id;
    } else {
      parentId =
        moved
          .slice(0, to)
          .reverse()
          .find((r) => r.depth === depth)?.parentId ?? null;
    }
  }
  return { depth, parentId };
}

function maxSubDepth(rows: FlatNode[], index: number): number {
  const row = rows[index]!;
  let max = row.depth;
  for (let i = index + 1; i <= index + row.descendants; i++) {
    max = Math.max(max, rows[i]!.depth);
  }
  return max;
}

/** The tree after dropping a row (with its sub-items) over another at a projected level. */
export function applyDrop(
  tree: Node[],
  activeId: string,
  overId: string,
  projection: { parentId: string | null },
): Node[] {
  const rows = flatten(tree).map((r) => ({ id: r.id, parentId: r.parentId }));
  const activeIndex = rows.findIndex((r) => r.id === activeId);
  const overIndex = rows.findIndex((r) => r.id === overId);
  if (activeIndex < 0 || overIndex < 0) {
    return tree;
  }
  rows[activeIndex] = { id: activeId, parentId: projection.parentId };
  const [moved] = rows.splice(activeIndex, 1);
  rows.splice(overIndex, 0, moved!);
  return treeFromFlat(rows);
}

export function sameOrder(a: Node[], b: Node[]): boolean {
  return JSON.stringify(orderOf(a)) === JSON.stringify(orderOf(b));
}
