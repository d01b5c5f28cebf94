import { Alert, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { DocumentVersionListItem } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { compareQuery } from './api.ts';

type Side = {
  number: number;
  segments: { text: string; change: 'same' | 'removed' | 'added' }[];
};

function SideCell({
  side,
  change,
  tag,
}: {
  side: Side | null;
  change: 'removed' | 'added';
  tag: string;
}) {
  if (!side) {
    return <div className="plenum-compare-side" data-empty="" />;
  }
  const changed = side.segments.some((s) => s.change !== 'same');
  return (
    <div className="plenum-compare-side" data-change={changed ? change : undefined}>
      <span className="plenum-compare-num">{side.number}</span>
      <span>
        <span className="plenum-compare-tag">{tag}</span>
        {side.segments.map((s, i) =>
          s.change === 'same' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of a line are fixed
            <span key={i}>{s.text}</span>
          ) : change === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of a line are fixed
            <del key={i}>{s.text}</del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of a line are fixed
            <ins key={i}>{s.text}</ins>
          ),
        )}
      </span>
    </div>
  );
}

/** Two versions' texts side by side, word by word (computed on the server). */
export function VersionCompare({
  documentId,
  versions,
  initialFrom,
  initialTo,
}: {
  documentId: string;
  versions: DocumentVersionListItem[];
  initialFrom?: number;
  initialTo?: number;
}) {
  const { t, i18n } = useTranslation();
  const withText = versions.filter((v) => v.hasText).map((v) => v.number);
  const sorted = [...withText].sort((a, b) => a - b);
  const [from, setFrom] = useState<number | null>(initialFrom ?? sorted.at(-2) ?? null);
  const [to, setTo] = useState<number | null>(initialTo ?? sorted.at(-1) ?? null);
  const [lang, setLang] = useState<string>(i18n.language === 'ru' ? 'ru' : 'en');
  const enabled = from !== null && to !== null && from !== to;
  const result = useQuery({
    ...compareQuery(documentId, from ?? 0, to ?? 0, lang),
    enabled,
  });
  if (sorted.length < 2) {
    return <Text c="dimmed">{t('documents.compareNeedsTwo')}</Text>;
  }
  const options = sorted.map((n) => ({
    value: String(n),
    label: t('documents.versionShort', { number: n }),
  }));
  const data = result.data;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('documents.compareFrom')}
          data={options}
          value={from === null ? null : String(from)}
          onChange={(v) => setFrom(v ? Number(v) : null)}
          allowDeselect={false}
          w={150}
        />
        <Select
          label={t('documents.compareTo')}
          data={options}
          value={to === null ? null : String(to)}
          onChange={(v) => setTo(v ? Number(v) : null)}
          allowDeselect={false}
          w={150}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="compare-lang">
            {t('documents.compareLanguage')}
          </Text>
          <SegmentedControl
            aria-labelledby="compare-lang"
            value={lang}
            onChange={setLang}
            data={[
              { value: 'en', label: t('language.en') },
              { value: 'ru', label: t('language.ru') },
            ]}
          />
        </div>
      </Group>
      {!enabled ? (
        <Text c="dimmed">{t('documents.compareChoose')}</Text>
      ) : result.isPending ? (
        <PageLoader />
      ) : result.isError ? (
        <LoadError error={result.error} retry={() => result.refetch()} />
      ) : data ? (
        <>
          {(data.from.fallback || data.to.fallback) && (
            <Alert color="orange" variant="light">
              {t('documents.compareFallback')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('documents.compareStats', data.stats)}
          </Text>
          <Text size="sm">
            <del className="plenum-legend-del">{t('documents.legendRemoved')}</del>{' '}
            <ins className="plenum-legend-ins">{t('documents.legendAdded')}</ins>
          </Text>
          <section
            className="plenum-compare"
            aria-label={t('documents.compareTitle', { from: data.from.number, to: data.to.number })}
          >
            <div className="plenum-compare-head" aria-hidden>
              <div>{t('documents.versionShort', { number: data.from.number })}</div>
              <div>{t('documents.versionShort', { number: data.to.number })}</div>
            </div>
            {data.rows.map((row, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a comparison are fixed
                key={i}
                className="plenum-compare-row"
                data-same={row.change === 'same' || undefined}
              >
                <SideCell
                  side={row.left}
                  change="removed"
                  tag={t('documents.versionShort', { number: data.from.number })}
                />
                <SideCell
                  side={row.right}
                  change="added"
                  tag={t('documents.versionShort', { number: data.to.number })}
                />
              </div>
            ))}
          </section>
        </>
      ) : null}
    </Stack>
  );
}
