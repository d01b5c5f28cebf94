import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LocalizedText } from '@plenum/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';

/** A card of label–value pairs (a description list). */
export function DetailCard({
  title,
  actions,
  children,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      {(title || actions) && (
        <Group justify="space-between" mb="md">
          {title && (
            <Title order={2} fz="h4">
              {title}
            </Title>
          )}
          {actions}
        </Group>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
        {children}
      </SimpleGrid>
    </Paper>
  );
}

export function DetailField({
  label,
  children,
  wide,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'break-word' }}>
        {children ?? '—'}
      </Text>
    </div>
  );
}

/** A LocalizedText with both languages shown, each marked; a missing one says so. */
export function BothLanguages({
  value,
  pre,
}: {
  value: LocalizedText | null | undefined;
  pre?: boolean;
}) {
  const { t } = useTranslation();
  if (!value) {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2} component="span">
      {(['en', 'ru'] as const).map((lang) => (
        <Group key={lang} gap={6} wrap="nowrap" align="flex-start" component="span">
          <Badge size="xs" variant="outline" color="gray" mt={4} title={t(`language.${lang}`)}>
            {lang.toUpperCase()}
          </Badge>
          {value[lang] ? (
            <Text span lang={lang} style={pre ? { whiteSpace: 'pre-wrap' } : undefined}>
              {value[lang]}
            </Text>
          ) : (
            <Text span c="dimmed" fs="italic">
              {t('common.notGiven')}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** When a record was created and last changed. */
export function RecordStamps({ createdAt, updatedAt }: { createdAt: string; updatedAt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed" mt="sm">
      {t('common.stamps', {
        created: format.dateTime(createdAt),
        updated: format.dateTime(updatedAt),
      })}
    </Text>
  );
}
