import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Problem } from '@plenum/shared';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useMe, useUser } from '../../app/auth.ts';
import { notifyError, notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page.tsx';
import { MemberStateSelect } from '../../components/selects.tsx';
import { exportUrl } from '../decisions/api.ts';
import { AssignmentStatusBadge } from '../decisions/status.tsx';
import { useStateName } from '../directory/lookups.ts';
import { postWithProgress } from '../documents/api.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportRow {
  row: number;
  assignmentId: string | null;
  decisionNumber: string | null;
  action: 'report' | 'skip';
  status: 'in_progress' | 'implemented' | 'not_implemented' | 'not_applicable' | null;
  reportedOn: string | null;
  problems: string[];
}
interface ImportResult {
  dryRun: boolean;
  written: number;
  rows: ImportRow[];
  summary: { reports: number; skipped: number; problems: number };
}

/** Uploads the sheet with progress; resolves with the answer, rejects with an ApiError. */
const uploadSheet = (
  file: File,
  dryRun: boolean,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
) =>
  postWithProgress<ImportResult>(`/assignments/import?dryRun=${dryRun}`, file, {
    csrfToken,
    onProgress,
    language: currentLanguage(),
    contentType: XLSX,
  });

function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(value * 100);
  return (
    <div>
      <Text size="xs" mb={2}>
        {label} {pct}%
      </Text>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        style={{ height: 8, borderRadius: 4, background: 'var(--mantine-color-gray-2)' }}
      >
        <div
          style={{
            width: `${pct}%`,
            height: '100%',
            borderRadius: 4,
            background: 'var(--mantine-color-indigo-6)',
            transition: 'width 120ms',
          }}
        />
      </div>
    </div>
  );
}

function RowsTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('bulk.rows')}
      minWidth={640}
      head={[
        t('bulk.row'),
        t('bulk.decision'),
        t('bulk.action'),
        t('assignments.status'),
        t('reports.reportedOn'),
        t('bulk.problems'),
      ]}
    >
      {result.rows.length === 0 && <EmptyRow cols={6} text={t('bulk.noRows')} />}
      {result.rows.map((r) => (
        <Table.Tr key={r.row} bg={r.problems.length ? 'var(--mantine-color-red-0)' : undefined}>
          <Table.Td>{r.row}</Table.Td>
          <Table.Td>{r.decisionNumber ?? '—'}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={r.action === 'report' ? 'indigo' : 'gray'}>
              {t(`bulk.actions.${r.action}`)}
            </Badge>
          </Table.Td>
          <Table.Td>{r.status ? <AssignmentStatusBadge status={r.status} /> : '—'}</Table.Td>
          <Table.Td>{r.reportedOn ?? '—'}</Table.Td>
          <Table.Td>
            {r.problems.length === 0 ? (
              <Text size="sm" c="green.8">
                <span aria-hidden>✓ </span>
                {t('bulk.noProblems')}
              </Text>
            ) : (
              <Stack gap={2}>
                {r.problems.map((p) => (
                  <Text key={p} size="sm" c="red.8">
                    <span aria-hidden>✗ </span>
                    {p}
                  </Text>
                ))}
              </Stack>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Download the open assignments as a sheet, fill it in, upload it: dry run first, then apply. */
export function BulkPage(): JSX.Element {
  const { t } = useTranslation();
  const user = useUser();
  const me = useMe();
  const stateName = useStateName();
  const queryClient = useQueryClient();
  const own = user.role === 'delegate' ? user.memberState : null;
  const [scope, setScope] = useState<'state' | 'body'>('state');
  const [memberState, setMemberState] = useState<string | null>(own);
  const [bodyId, setBodyId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; rows?: ImportResult } | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);

  const lang = currentLanguage();
  const sheetQuery = own
    ? { memberState: own, lang }
    : scope === 'state'
      ? { memberState: memberState ?? undefined, lang }
      : { bodyId, lang };
  const canDownload = !!(own || (scope === 'state' ? memberState : bodyId));

  const run = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    setFailure(null);
    setApplied(null);
    setProgress(0);
    try {
      const answer = await uploadSheet(file, dryRun, me?.csrfToken ?? null, setProgress);
      if (dryRun) {
        setResult(answer);
      } else {
        setResult(null);
        setApplied(answer);
        setFile(null);
        await queryClient.invalidateQueries({ queryKey: ['assignments'] });
        await queryClient.invalidateQueries({ queryKey: ['decisions'] });
        await queryClient.invalidateQueries({ queryKey: ['implementation'] });
        notifySaved(t, t('bulk.appliedToast', { count: answer.written }));
      }
    } catch (error) {
      if (error instanceof ApiError) {
        const p = error.problem as Problem & Partial<ImportResult>;
        setFailure({
          error,
          rows:
            p.rows && p.summary
              ? { dryRun, written: 0, rows: p.rows, summary: p.summary }
              : undefined,
        });
      } else {
        notifyError(t, error);
      }
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PageHeader title={t('bulk.title')} />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="xs">
            {t('bulk.step1')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {own ? t('bulk.downloadOwn', { state: stateName(own) }) : t('bulk.downloadHint')}
          </Text>
          {!own && (
            <Stack gap="sm" mb="md" maw={480}>
              <SegmentedControl
                aria-label={t('bulk.scope')}
                value={scope}
                onChange={(v) => setScope(v === 'body' ? 'body' : 'state')}
                data={[
                  { value: 'state', label: t('assignments.aState') },
                  { value: 'body', label: t('assignments.aBody') },
                ]}
              />
              {scope === 'state' ? (
                <MemberStateSelect
                  label={t('assignments.memberState')}
                  value={memberState}
                  onChange={setMemberState}
                />
              ) : (
                <BodyFilter label={t('assignments.body')} value={bodyId} onChange={setBodyId} />
              )}
            </Stack>
          )}
          <Button
            component="a"
            href={canDownload ? exportUrl('/assignments/export.xlsx', sheetQuery) : undefined}
            data-disabled={!canDownload || undefined}
            onClick={(e) => !canDownload && e.preventDefault()}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('bulk.download')}
          </Button>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="xs">
            {t('bulk.step2')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('bulk.uploadHint')}
          </Text>
          <Stack gap="sm" maw={560}>
            <FileInput
              label={t('bulk.file')}
              accept={`${XLSX},.xlsx`}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              value={file}
              onChange={(f) => {
                setFile(f);
                setResult(null);
                setFailure(null);
              }}
            />
            <Group>
              <Button
                variant="light"
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={!file || progress !== null}
                loading={progress !== null && !result}
                onClick={() => run(true)}
              >
                {t('bulk.check')}
              </Button>
            </Group>
            {progress !== null && <ProgressBar value={progress} label={t('bulk.uploading')} />}
          </Stack>
        </Paper>

        {failure && (
          <Alert color="red" role="alert" title={problemTitle(t, failure.error)}>
            <Text size="sm" mb={failure.rows ? 'sm' : 0}>
              {failure.error.status === 422 ? t('bulk.changed') : problemMessage(t, failure.error)}
            </Text>
            {failure.rows && <RowsTable result={failure.rows} />}
          </Alert>
        )}

        {applied && (
          <Alert color="green" role="status" title={t('bulk.appliedTitle')}>
            {t('bulk.applied', { count: applied.written })}
          </Alert>
        )}

        {result && (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4">
                {t('bulk.step3')}
              </Title>
              <Text size="sm">
                {t('bulk.summary', {
                  reports: result.summary.reports,
                  skipped: result.summary.skipped,
                  problems: result.summary.problems,
                })}
              </Text>
            </Group>
            <RowsTable result={result} />
            <Group justify="flex-end" mt="md">
              {result.summary.problems > 0 && (
                <Text size="sm" c="red.8">
                  {t('bulk.fixFirst')}
                </Text>
              )}
              <Button
                disabled={result.summary.problems > 0 || result.summary.reports === 0}
                loading={progress !== null}
                onClick={() => run(false)}
              >
                {t('bulk.apply', { count: result.summary.reports })}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
