import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export function DataTable({
  head,
  children,
  minWidth = 640,
  caption,
}: {
  head: ReactNode[];
  children: ReactNode;
  minWidth?: number;
  caption: string;
}) {
  return (
    // A plain scrolling box: Mantine's ScrollContainer would bring its custom scrollbars along.
    <div style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm" miw={minWidth}>
        <caption style={{ position: 'absolute', left: -10000 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: header cells are fixed per table
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}

export function EmptyRow({ cols, text }: { cols: number; text: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        <Text c="dimmed" ta="center" py="md">
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
