import {
  ActionIcon,
  Group,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import type { Measure, Program } from '@plenum/shared';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAll } from '../../app/api.ts';
import { useText } from '../../components/localized-text.tsx';
import { DecisionSelect } from '../decisions/decision-select.tsx';
import { organizationsQuery } from './api.ts';

/** Chooses an organization; the options show its name and its member state. */
export function OrganizationSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const text = useText();
  const orgs = useQuery(organizationsQuery);
  const options = useMemo(
    () =>
      (orgs.data ?? [])
        .map((o) => ({ value: o.id, label: `${text(o.name)} (${o.memberState})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [orgs.data, text],
  );
  return (
    <Select
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={orgs.isLoading ? t('common.loading') : undefined}
      {...props}
      data={options}
    />
  );
}

/** The member state of an organization by id (for the running checks of the forms). */
export function useOrganizationState() {
  const orgs = useQuery(organizationsQuery);
  return useMemo(() => {
    const map = new Map((orgs.data ?? []).map((o) => [o.id, o.memberState]));
    return (id: string | null | undefined) => (id ? (map.get(id) ?? null) : null);
  }, [orgs.data]);
}

export interface LinkedRef {
  id: string;
  label: string;
}

/** A list of chosen references with a remove button each. */
function RefList({ items, onRemove }: { items: LinkedRef[]; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('projects.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {items.map((r) => (
        <Group key={r.id} gap={6} wrap="nowrap">
          <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {r.label}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('projects.removeRef', { what: r.label })}
            onClick={() => onRemove(r.id)}
          >
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

/** Decisions linked to an entry: the chosen ones, and a search to add another. */
export function DecisionsEditor({
  value,
  onChange,
}: {
  value: LinkedRef[];
  onChange: (v: LinkedRef[]) => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(0);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('projects.decisions')}
      </Text>
      <RefList items={value} onRemove={(id) => onChange(value.filter((d) => d.id !== id))} />
      <DecisionSelect
        key={key}
        aria-label={t('projects.addDecision')}
        placeholder={t('projects.addDecision')}
        value={null}
        onChange={(id, option) => {
          if (id && !value.some((d) => d.id === id)) {
            onChange([...value, { id, label: option?.label ?? id }]);
          }
          setKey((k) => k + 1);
        }}
      />
    </Stack>
  );
}

/** Program measures linked to a project: choose a program, then one of its measures. */
export function MeasuresEditor({
  value,
  onChange,
}: {
  value: LinkedRef[];
  onChange: (v: LinkedRef[]) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const [programId, setProgramId] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: ['programs', 'all'],
    queryFn: () => getAll<Program>('/programs'),
    staleTime: 60_000,
  });
  const measures = useQuery({
    queryKey: ['programs', programId, 'measures', 'all'],
    queryFn: () => getAll<Measure>(`/programs/${encodeURIComponent(programId ?? '')}/measures`),
    enabled: !!programId,
  });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('projects.measures')}
      </Text>
      <RefList items={value} onRemove={(id) => onChange(value.filter((m) => m.id !== id))} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t('projects.program')}
          data={(programs.data ?? []).map((p) => ({ value: p.id, label: text(p.title) }))}
          value={programId}
          onChange={setProgramId}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Select
          label={t('projects.addMeasure')}
          disabled={!programId}
          data={(measures.data ?? [])
            .filter((m) => !value.some((v) => v.id === m.id))
            .map((m) => ({ value: m.id, label: `${m.code} ${text(m.title)}` }))}
          value={null}
          onChange={(id, option) => {
            if (id) {
              onChange([...value, { id, label: option?.label ?? id }]);
            }
          }}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
        />
      </SimpleGrid>
    </Stack>
  );
}
