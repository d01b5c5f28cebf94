import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Token, ZTokenCreate } from '@plenum/shared';
import { IconKey } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { zodValidator } from '../../app/forms.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';

const tokensKey = ['auth', 'tokens'];

export function TokensPage(): JSX.Element {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => api.get<{ items: Token[] }>('/auth/tokens'),
  });
  const form = useForm({
    initialValues: { name: '' },
    validate: zodValidator(ZTokenCreate, (v: { name: string }) => ({ name: v.name.trim() }), t),
  });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      const result = await api.post<{ id: string; name: string; token: string }>('/auth/tokens', {
        name: name.trim(),
      });
      setCreated(result);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    } catch (error) {
      handleError(error, { form });
    }
  });

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        crumbs={[{ label: t('nav.account'), to: '/account' }]}
      />
      <Stack gap="lg">
        <Text c="dimmed" size="sm">
          {t('tokens.intro')}
        </Text>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="md">
            {t('tokens.create')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('tokens.name')}
                description={t('tokens.nameHint')}
                required
                style={{ flex: '1 1 16rem' }}
                {...form.getInputProps('name')}
              />
              <Button
                type="submit"
                loading={form.submitting}
                leftSection={<IconKey size={16} aria-hidden />}
              >
                {t('tokens.createSubmit')}
              </Button>
            </Group>
          </form>
          {created && (
            <Alert
              color="yellow"
              mt="md"
              title={t('tokens.createdTitle', { name: created.name })}
              role="status"
            >
              <Text size="sm" mb="xs">
                {t('tokens.createdText')}
              </Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Code block style={{ flex: 1, overflowWrap: 'break-word', whiteSpace: 'pre-wrap' }}>
                  {created.token}
                </Code>
                <CopyButton value={created.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Alert>
          )}
        </Paper>
        {tokens.isPending ? (
          <PageLoader />
        ) : tokens.isError ? (
          <LoadError error={tokens.error} retry={() => tokens.refetch()} />
        ) : (
          <DataTable
            caption={t('tokens.title')}
            minWidth={520}
            head={[
              t('tokens.name'),
              t('tokens.createdAt'),
              t('tokens.lastUsed'),
              t('common.actions'),
            ]}
          >
            {tokens.data.items.length === 0 && <EmptyRow cols={4} text={t('tokens.empty')} />}
            {tokens.data.items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.never')}
                </Table.Td>
                <Table.Td>
                  <DeleteButton
                    compact
                    what={token.name}
                    onDelete={() => api.delete(`/auth/tokens/${token.id}`)}
                    onDeleted={async () => {
                      await queryClient.invalidateQueries({ queryKey: tokensKey });
                      notifySaved(t, t('tokens.revoked'));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </>
  );
}
