import { Badge, Paper, Text, Title } from '@mantine/core';
import type { RegisterEntryRef } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';

/** The page of an entry: typed links for the registers' routes. */
function EntryLink({ entry }: { entry: RegisterEntryRef }) {
  const title = <LText value={entry.title} />;
  switch (entry.type) {
    case 'project':
      return (
        <AnchorLink to="/projects/{-$projectId}" params={{ projectId: entry.id }}>
          {title}
        </AnchorLink>
      );
    case 'ip_result':
      return (
        <AnchorLink to="/ip-results/{-$ipResultId}" params={{ ipResultId: entry.id }}>
          {title}
        </AnchorLink>
      );
    case 'program':
      return (
        <AnchorLink to="/programs/$programId" params={{ programId: entry.id }}>
          {title}
        </AnchorLink>
      );
    default:
      return (
        <AnchorLink to="/standards/$standardId" params={{ standardId: entry.id }}>
          {title}
        </AnchorLink>
      );
  }
}

/** The registers' entries (standards, programs, projects, IP results) that name a decision. */
export function RegisterEntries({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const entries = useQuery({
    queryKey: ['decisions', decisionId, 'register-entries'],
    queryFn: () =>
      api.get<{ items: RegisterEntryRef[] }>(
        `/decisions/${encodeURIComponent(decisionId)}/register-entries`,
      ),
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="sm">
        {t('registerEntries.title')}
      </Title>
      {entries.isPending ? (
        <PageLoader />
      ) : entries.isError ? (
        <LoadError error={entries.error} retry={() => entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('registerEntries.empty')}
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: 6 }}>
          {entries.data.items.map((e) => (
            <li
              key={`${e.type}-${e.id}`}
              style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}
            >
              <Text span size="xs" c="dimmed" fw={600} tt="uppercase" style={{ minWidth: '7rem' }}>
                {t(`registerEntries.type.${e.type}`)}
              </Text>
              <EntryLink entry={e} />
              <Badge variant="outline" color="gray" styles={{ root: { textTransform: 'none' } }}>
                {t(`registerEntries.status.${e.type}.${e.status}`, {
                  defaultValue: e.status.replaceAll('_', ' '),
                })}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
