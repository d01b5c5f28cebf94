import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportResult,
  type Problem,
} from '@plenum/shared';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError, notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page.tsx';
import { postWithProgress } from '../documents/api.ts';

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads the file as multipart with progress; resolves with the answer, rejects with an ApiError. */
function uploadFile(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return postWithProgress<ImportResult>(`/imports/${kind}?dryRun=${dryRun}`, form, {
    csrfToken,
    onProgress,
    language: currentLanguage(),
  });
}

function ProblemsTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('imports.problems')}
      minWidth={560}
      head={[t('imports.row'), t('imports.column'), t('imports.problem')]}
    >
      {result.problems.length === 0 && <EmptyRow cols={3} text={t('imports.noProblems')} />}
      {result.problems.map((p) => (
        // A row has at most one problem per column and message.
        <Table.Tr key={`${p.row}|${p.column}|${p.message}`}>
          <Table.Td>{p.row}</Table.Td>
          <Table.Td>{p.column ?? '—'}</Table.Td>
          <Table.Td>
            <Text size="sm" c="red.8">
              <span aria-hidden>✗ </span>
              {p.message}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Summary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('imports.summary', {
        rows: result.summary.rows,
        create: result.summary.create,
        update: result.summary.update,
        skip: result.summary.skip,
        problems: result.summary.problems,
      })}
    </Text>
  );
}

/** Import member states, persons or organizations from CSV or XLSX: check first, then write. */
export function ImportPage(): JSX.Element {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const me = useMe();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('persons');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; result?: ImportResult } | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const reset = () => {
    setChecked(null);
    setFailure(null);
    setDone(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    setFailure(null);
    setDone(null);
    setProgress(0);
    try {
      const answer = await uploadFile(kind, file, dryRun, me?.csrfToken ?? null, setProgress);
      if (dryRun) {
        setChecked(answer);
      } else {
        setChecked(null);
        setDone(answer);
        setFile(null);
        await queryClient.invalidateQueries({ queryKey: [kind] });
        notifySaved(t, t('imports.doneToast'));
      }
    } catch (error) {
      if (error instanceof ApiError) {
        const p = error.problem as Problem & Partial<ImportResult>;
        setFailure({
          error,
          result: p.summary && p.problems && p.kind && p.format ? (p as ImportResult) : undefined,
        });
      } else {
        notifyError(t, error);
      }
    } finally {
      setProgress(null);
    }
  };

  const writable = checked ? checked.summary.create + checked.summary.update : 0;

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="xs">
            {t('imports.step1')}
          </Title>
          <Stack gap="sm" maw={640}>
            <SegmentedControl
              aria-label={t('imports.kind')}
              // Three long Russian labels do not fit side by side on a phone.
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth={narrow}
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                reset();
              }}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            />
            <Text size="sm" c="dimmed">
              {t('imports.columns', { columns: IMPORT_COLUMNS[kind].join(', ') })}{' '}
              {t(`imports.match.${kind}`)}
            </Text>
            <Group gap="sm">
              {(['xlsx', 'csv'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  variant="light"
                  href={`${API_BASE}/imports/templates/${kind}.${format}`}
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t('imports.template', { format: format.toUpperCase() })}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="xs">
            {t('imports.step2')}
          </Title>
          <Stack gap="sm" maw={560}>
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHint')}
              accept={ACCEPT}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              value={file}
              onChange={(f) => {
                setFile(f);
                reset();
              }}
            />
            <Group>
              <Button
                variant="light"
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={!file || progress !== null}
                loading={progress !== null && !checked}
                onClick={() => run(true)}
              >
                {t('imports.check')}
              </Button>
            </Group>
            {progress !== null && (
              <Stack gap={2}>
                <Text size="xs">
                  {t('imports.uploading')} {Math.round(progress * 100)}%
                </Text>
                <Progress value={progress * 100} aria-label={t('imports.uploading')} animated />
              </Stack>
            )}
          </Stack>
        </Paper>

        {failure && (
          <Alert color="red" role="alert" title={problemTitle(t, failure.error)}>
            <Text size="sm" mb={failure.result ? 'sm' : 0}>
              {problemMessage(t, failure.error)}
            </Text>
            {failure.result && (
              <Stack gap="sm">
                <Summary result={failure.result} />
                <ProblemsTable result={failure.result} />
              </Stack>
            )}
          </Alert>
        )}

        {done && (
          <Alert color="green" role="status" title={t('imports.doneTitle')}>
            <Summary result={done} />
          </Alert>
        )}

        {checked && (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4">
                {t('imports.step3')}
              </Title>
              <Summary result={checked} />
            </Group>
            <ProblemsTable result={checked} />
            <Group justify="flex-end" mt="md">
              {checked.summary.problems > 0 && (
                <Text size="sm" c="red.8">
                  {t('imports.fixFirst')}
                </Text>
              )}
              <Button
                disabled={checked.summary.problems > 0 || writable === 0}
                loading={progress !== null}
                onClick={() => run(false)}
              >
                {t('imports.apply', { count: writable })}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
