import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemTitle } from '../app/errors.ts';

export interface Crumb {
  label: string;
  to: string;
  params?: Record<string, string>;
}

/** Title of a page with its breadcrumbs and actions. */
export function PageHeader({
  title,
  crumbs,
  actions,
  badge,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  badge?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs aria-label={t('common.breadcrumbs')} separatorMargin={6} fz="sm">
          {crumbs.map((c) => (
            <Anchor key={c.to} component={Link} to={c.to} params={c.params as never} size="sm">
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center" style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'break-word' }}>
            {title}
          </Title>
          {badge}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

/** A failed read, explained, with a retry. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={problemTitle(t, error)}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <span>{problemMessage(t, error)}</span>
        {retry && (
          <Button size="xs" variant="light" color="red" onClick={retry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
