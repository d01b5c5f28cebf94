import { Badge, Text } from '@mantine/core';
import { pickText, type SearchHit, type SnippetSegment } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { FallbackMarker } from '../../components/localized-text.tsx';
import './search.css';

/** The snippet as text, its matched words in <mark> (segments are never HTML). */
export function Snippet({ segments, lang }: { segments: SnippetSegment[]; lang?: string }) {
  if (segments.length === 0) {
    return null;
  }
  return (
    <Text size="sm" c="dimmed" lang={lang} className="plenum-snippet" lineClamp={3}>
      {segments.map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence per hit
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </Text>
  );
}

/** The status word of a hit, whatever its type (meeting, decision or document statuses). */
function useStatus() {
  const { t, i18n } = useTranslation();
  return (status: string | null) => {
    if (!status) {
      return null;
    }
    const key = `search.status.${status}`;
    return i18n.exists(key) ? t(key) : status;
  };
}

/** Title, type, number, date, status and snippet of one search hit. */
export function HitView({ hit, titleId }: { hit: SearchHit; titleId?: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const statusOf = useStatus();
  const title = pickText(hit.title, i18n.language === 'ru' ? 'ru' : 'en');
  const status = statusOf(hit.context.status);
  const facts = [
    hit.context.number &&
      (hit.type === 'meeting'
        ? t('search.meetingNumber', { number: hit.context.number })
        : t('search.number', { number: hit.context.number })),
    hit.context.date && format.date(hit.context.date),
  ].filter(Boolean);
  const snippetLang =
    hit.snippetLanguage && hit.snippetLanguage !== i18n.language ? hit.snippetLanguage : undefined;
  return (
    <div className="plenum-hit">
      <Text
        fw={600}
        size="sm"
        id={titleId}
        className="plenum-hit-title"
        lang={title.fallback ? title.lang : undefined}
      >
        <Badge
          size="sm"
          variant="light"
          color="gray"
          component="span"
          me={6}
          style={{ verticalAlign: 'text-bottom' }}
        >
          {t(`search.type.${hit.type}`)}
        </Badge>
        {title.text || t('search.untitled')}
        {title.fallback && <FallbackMarker lang={title.lang} />}
      </Text>
      {(facts.length > 0 || status) && (
        <Text size="xs" c="dimmed" mt={2}>
          {facts.join(' · ')}
          {status && (
            <>
              {facts.length > 0 ? ' · ' : ''}
              <span className="plenum-hit-status">{status}</span>
            </>
          )}
        </Text>
      )}
      <Snippet segments={hit.snippet} lang={snippetLang} />
    </div>
  );
}
