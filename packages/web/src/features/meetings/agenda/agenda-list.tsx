import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AGENDA_MAX_DEPTH, type AgendaItem } from '@plenum/shared';
import {
  IconArrowDown,
  IconArrowUp,
  IconGripVertical,
  IconIndentDecrease,
  IconIndentIncrease,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LText, useText } from '../../../components/localized-text.tsx';
import {
  applyDrop,
  applyMove,
  canMove,
  type FlatNode,
  flatten,
  type Move,
  type Node,
  projectDrop,
} from './tree.ts';

interface Props {
  tree: Node[];
  items: Map<string, AgendaItem>;
  editable: boolean;
  /** Editing and deleting wait while a new order is not saved yet. */
  itemActions: boolean;
  onChange: (tree: Node[]) => void;
  onEdit: (item: AgendaItem) => void;
  onDelete: (item: AgendaItem) => void;
}

function IconButton({
  label,
  onClick,
  disabled,
  children,
  color,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  color?: string;
}) {
  return (
    <Tooltip label={label} openDelay={400} withinPortal>
      <ActionIcon
        variant="subtle"
        color={color ?? 'gray'}
        aria-label={label}
        onClick={onClick}
        disabled={disabled}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

// The documents linked to an item: from the chunk of the documents' pages, loaded with the agenda.
const AgendaItemDocuments = lazy(() =>
  import('../../documents/pages.ts').then((m) => ({ default: m.AgendaItemDocuments })),
);

function Row({
  row,
  item,
  depth,
  indent,
  editable,
  itemActions,
  tree,
  onMove,
  onEdit,
  onDelete,
}: {
  row: FlatNode;
  item: AgendaItem;
  depth: number;
  indent: number;
  editable: boolean;
  itemActions: boolean;
  tree: Node[];
  onMove: (id: string, move: Move) => void;
  onEdit: (item: AgendaItem) => void;
  onDelete: (item: AgendaItem) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: row.id, disabled: !editable });
  const title = text(item.title);
  const icon = { size: 18, 'aria-hidden': true } as const;
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        marginInlineStart: depth * indent,
        opacity: isDragging ? 0.6 : 1,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
      aria-label={`${row.position} ${title}`}
    >
      <Paper
        withBorder
        p="xs"
        shadow={isDragging ? 'md' : undefined}
        bg={depth > 0 ? 'gray.0' : undefined}
        className="plenum-agenda-row"
      >
        {editable && (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            className="plenum-drag-handle"
            style={{ gridArea: 'handle' }}
            {...attributes}
            {...listeners}
            aria-label={t('agenda.drag', { position: row.position, title })}
          >
            <IconGripVertical {...icon} />
          </ActionIcon>
        )}
        <Text fw={700} style={{ gridArea: 'pos', fontVariantNumeric: 'tabular-nums' }} mt={4}>
          {row.position}.
        </Text>
        <div style={{ gridArea: 'body', minWidth: 0 }}>
          <Text style={{ overflowWrap: 'break-word' }} mt={4}>
            <LText value={item.title} />
          </Text>
          <Group gap={6} mt={2}>
            <Badge size="xs" variant="light" color="gray" style={{ maxWidth: '100%' }}>
              {t(`enums.agendaItemKind.${item.kind}`)}
            </Badge>
            {!item.public && (
              <Badge size="xs" variant="outline" color="orange">
                {t('agenda.internal')}
              </Badge>
            )}
          </Group>
          <Suspense fallback={null}>
            <AgendaItemDocuments item={item} editable={editable} />
          </Suspense>
        </div>
        {editable && (
          <Group gap={2} wrap="nowrap" justify="flex-end" style={{ gridArea: 'actions' }}>
            <IconButton
              label={t('agenda.moveUp', { position: row.position })}
              onClick={() => onMove(row.id, 'up')}
              disabled={!canMove(tree, row.id, 'up', AGENDA_MAX_DEPTH)}
            >
              <IconArrowUp {...icon} />
            </IconButton>
            <IconButton
              label={t('agenda.moveDown', { position: row.position })}
              onClick={() => onMove(row.id, 'down')}
              disabled={!canMove(tree, row.id, 'down', AGENDA_MAX_DEPTH)}
            >
              <IconArrowDown {...icon} />
            </IconButton>
            <IconButton
              label={t('agenda.outdent', { position: row.position })}
              onClick={() => onMove(row.id, 'outdent')}
              disabled={!canMove(tree, row.id, 'outdent', AGENDA_MAX_DEPTH)}
            >
              <IconIndentDecrease {...icon} />
            </IconButton>
            <IconButton
              label={t('agenda.indent', { position: row.position })}
              onClick={() => onMove(row.id, 'indent')}
              disabled={!canMove(tree, row.id, 'indent', AGENDA_MAX_DEPTH)}
            >
              <IconIndentIncrease {...icon} />
            </IconButton>
            <IconButton
              label={t('agenda.editItem', { position: row.position })}
              onClick={() => onEdit(item)}
              disabled={!itemActions}
            >
              <IconPencil {...icon} />
            </IconButton>
            <IconButton
              label={t('agenda.deleteItem', { position: row.position })}
              onClick={() => onDelete(item)}
              disabled={!itemActions}
              color="red"
            >
              <IconTrash {...icon} />
            </IconButton>
          </Group>
        )}
      </Paper>
    </li>
  );
}

/**
 * The agenda as a nested, sortable list. Items move by dragging (sideways changes the level), by
 * the keyboard (Space on the handle, arrows, Space), or with the move and indent buttons.
 */
export function AgendaList({
  tree,
  items,
  editable,
  itemActions,
  onChange,
  onEdit,
  onDelete,
}: Props) {
  const { t } = useTranslation();
  const text = useText();
  const narrow = useMediaQuery('(max-width: 48em)');
  const indent = narrow ? 16 : 32;
  const rows = useMemo(() => flatten(tree), [tree]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [offsetX, setOffsetX] = useState(0);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // While dragging, the dragged item's sub-items travel with it and are no drop targets.
  const active = activeId ? rows.find((r) => r.id === activeId) : undefined;
  const visible = useMemo(() => {
    if (!active) {
      return rows;
    }
    const start = rows.indexOf(active);
    return rows.filter((_, i) => i <= start || i > start + active.descendants);
  }, [rows, active]);
  const projection =
    activeId && overId
      ? projectDrop(rows, activeId, overId, offsetX, indent, AGENDA_MAX_DEPTH)
      : null;

  const reset = () => {
    setActiveId(null);
    setOverId(null);
    setOffsetX(0);
  };
  const label = (id: string | number | undefined) => {
    const row = rows.find((r) => r.id === id);
    const item = row && items.get(row.id);
    return row && item ? `${row.position} ${text(item.title)}` : '';
  };

  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    const drop =
      over && projectDrop(rows, String(a.id), String(over.id), offsetX, indent, AGENDA_MAX_DEPTH);
    reset();
    if (over && drop) {
      onChange(applyDrop(tree, String(a.id), String(over.id), drop));
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={({ active: a }: DragStartEvent) => {
        setActiveId(String(a.id));
        setOverId(String(a.id));
      }}
      onDragMove={({ delta }: DragMoveEvent) => setOffsetX(delta.x)}
      onDragOver={({ over }: DragOverEvent) => setOverId(over ? String(over.id) : null)}
      onDragEnd={onDragEnd}
      onDragCancel={reset}
      accessibility={{
        screenReaderInstructions: { draggable: t('agenda.dndInstructions') },
        announcements: {
          onDragStart: ({ active: a }) => t('agenda.dndPicked', { item: label(a.id) }),
          onDragOver: ({ active: a, over }) =>
            over ? t('agenda.dndOver', { item: label(a.id), over: label(over.id) }) : undefined,
          onDragEnd: ({ active: a, over }) =>
            over ? t('agenda.dndDropped', { item: label(a.id), over: label(over.id) }) : undefined,
          onDragCancel: ({ active: a }) => t('agenda.dndCancelled', { item: label(a.id) }),
        },
      }}
    >
      <SortableContext items={visible.map((r) => r.id)} strategy={verticalListSortingStrategy}>
        <ol
          style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}
          aria-label={t('agenda.title')}
        >
          {visible.map((row) => {
            const item = items.get(row.id);
            if (!item) {
              return null;
            }
            const depth = row.id === activeId && projection ? projection.depth : row.depth;
            return (
              <Row
                key={row.id}
                row={row}
                item={item}
                depth={depth}
                indent={indent}
                editable={editable}
                itemActions={itemActions}
                tree={tree}
                onMove={(id, move) => onChange(applyMoveSafe(tree, id, move))}
                onEdit={onEdit}
                onDelete={onDelete}
              />
            );
          })}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function applyMoveSafe(tree: Node[], id: string, move: Move): Node[] {
  return canMove(tree, id, move, AGENDA_MAX_DEPTH) ? applyMove(tree, id, move) : tree;
}
