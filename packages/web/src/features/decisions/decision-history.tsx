import './decision-history.css';
import { SimpleGrid, Text } from '@mantine/core';
import {
  type Decision,
  type DecisionHistoryEvent,
  type Language,
  type LocalizedText,
  pickText,
} from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { AnchorLink } from '../../components/links.tsx';
import { FallbackMarker, useText } from '../../components/localized-text.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { agendaQuery } from '../meetings/api.ts';
import { decisionQuery } from './api.ts';

// The audit trail records `change` as free JSON; these read it without trusting its shape.
type Change = Record<string, unknown>;
const record = (value: unknown): Change =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Change) : {};
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const localized = (value: unknown): LocalizedText | null => {
  const r = record(value);
  const en = str(r.en);
  const ru = str(r.ru);
  return en || ru ? { ...(en ? { en } : {}), ...(ru ? { ru } : {}) } : null;
};
const pair = (value: unknown): [unknown, unknown] | null =>
  Array.isArray(value) && value.length === 2 ? [value[0], value[1]] : null;

/** "Amends" → "amends", for a label in the middle of a sentence. */
const lowerFirst = (s: string, lang: string) => s.charAt(0).toLocaleLowerCase(lang) + s.slice(1);

/** A link to another decision by its number (from the decision's relations, else read). */
function DecisionRef({ id, known }: { id: string; known: Map<string, string> }) {
  const { t } = useTranslation();
  const number = known.get(id);
  const read = useQuery({ ...decisionQuery(id), enabled: !number, retry: false });
  return (
    <AnchorLink to="/decisions/$decisionId" params={{ decisionId: id }}>
      {number ?? read.data?.number ?? t('history.anotherDecision')}
    </AnchorLink>
  );
}

/**
 * A quoted value in the interface language, marked when only the other language has it; with
 * `lang`, exactly that language (its label names it already).
 */
function Quoted({ value, lang }: { value: LocalizedText | null; lang?: Language }) {
  const { t, i18n } = useTranslation();
  const picked = lang
    ? { text: value?.[lang] ?? '', lang, fallback: false }
    : pickText(value, i18n.language === 'ru' ? 'ru' : 'en');
  if (!picked.text) {
    return <>{t('history.none')}</>;
  }
  return (
    <span lang={picked.lang}>
      {t('history.quoted', { text: picked.text })}
      {picked.fallback && <FallbackMarker lang={picked.lang} />}
    </span>
  );
}

/** Before and after of one language of a long Markdown text, behind a disclosure. */
function TextChange({ lang, before, after }: { lang: Language; before: string; after: string }) {
  const { t } = useTranslation();
  const side = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      <Text
        size="sm"
        lang={lang}
        p="xs"
        bg="var(--mantine-color-gray-0)"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 4 }}
      >
        {value || t('history.none')}
      </Text>
    </div>
  );
  return (
    <details className="plenum-history-details">
      <summary>
        {t(`history.textChanged.${lang}`)}{' '}
        <Text span size="xs" c="dimmed">
          {t('history.showBeforeAfter')}
        </Text>
      </summary>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={6} mb="xs">
        {side(t('history.before'), before)}
        {side(t('history.after'), after)}
      </SimpleGrid>
    </details>
  );
}

/** The lines of one event: readable sentences in the interface language. */
function useDescribe(decision: Decision) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const format = useFormat();
  const text = useText();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const known = new Map(decision.relations.map((r) => [r.decisionId, r.number]));
  const agenda = useQuery({
    ...agendaQuery(decision.meetingId ?? ''),
    enabled: !!decision.meetingId,
    staleTime: 60_000,
  });
  const agendaItem = (id: unknown) => {
    const item = agenda.data?.find((i) => i.id === id);
    return item ? `${item.position} ${text(item.title)}` : id ? '…' : t('history.none');
  };
  const who = (memberState: unknown, bodyId: unknown) =>
    str(memberState)
      ? stateName(str(memberState))
      : text(bodies.get(str(bodyId) ?? '')?.name) || t('history.unknownAssignee');
  const day = (value: unknown) => (str(value) ? format.date(str(value)) : t('history.noDate'));
  const statusLabel = (value: unknown) =>
    str(value) ? lowerFirst(t(`enums.assignmentStatus.${str(value)}`), lang) : '—';
  const field = (name: string) =>
    ({
      kind: t('decisions.kind'),
      title: t('decisions.titleField'),
      text: t('decisions.text'),
      adoptedOn: t('decisions.adoptedOn'),
      agendaItemId: t('decisions.agendaItem'),
    })[name] ?? name;
  const arrow = (label: string, before: ReactNode, after: ReactNode) => (
    <>
      {label}: {before} → {after}
    </>
  );

  /** One line per changed field of a decision. */
  const updateLines = (change: Change): ReactNode[] => {
    const lines: ReactNode[] = [];
    for (const [name, value] of Object.entries(change)) {
      const p = pair(value);
      if (!p) {
        continue;
      }
      const [before, after] = p;
      if (name === 'text') {
        const b = localized(before) ?? {};
        const a = localized(after) ?? {};
        for (const l of ['en', 'ru'] as const) {
          if ((b[l] ?? '') !== (a[l] ?? '')) {
            lines.push(
              <TextChange key={`text-${l}`} lang={l} before={b[l] ?? ''} after={a[l] ?? ''} />,
            );
          }
        }
      } else if (name === 'title') {
        const b = localized(before);
        const a = localized(after);
        const pb = pickText(b, lang);
        const pa = pickText(a, lang);
        if (pb.text !== pa.text) {
          lines.push(arrow(field(name), <Quoted value={b} />, <Quoted value={a} />));
        }
        // A change in the other language alone would be invisible above: name it too.
        const other: Language = lang === 'en' ? 'ru' : 'en';
        const shownOther = pb.fallback && pa.fallback;
        if ((b?.[other] ?? '') !== (a?.[other] ?? '') && !shownOther) {
          lines.push(
            arrow(
              t(other === 'en' ? 'fields.inEnglish' : 'fields.inRussian', { field: field(name) }),
              <Quoted value={b} lang={other} />,
              <Quoted value={a} lang={other} />,
            ),
          );
        }
      } else if (name === 'kind') {
        const kind = (v: unknown) => (str(v) ? t(`enums.decisionKind.${str(v)}`) : '—');
        lines.push(arrow(field(name), kind(before), kind(after)));
      } else if (name === 'adoptedOn') {
        lines.push(arrow(field(name), day(before), day(after)));
      } else if (name === 'agendaItemId') {
        lines.push(arrow(field(name), agendaItem(before), agendaItem(after)));
      } else {
        lines.push(t('history.fieldChanged', { field: name }));
      }
    }
    return lines.length > 0 ? lines : [t('history.updated')];
  };

  return (e: DecisionHistoryEvent): ReactNode[] => {
    const c = record(e.change);
    if (e.entityType === 'assignment') {
      const assignee = who(e.assignee?.memberState, e.assignee?.bodyId);
      switch (e.action) {
        case 'create':
          return [
            str(c.dueDate)
              ? t('history.assignedDue', { who: assignee, date: day(c.dueDate) })
              : t('history.assigned', { who: assignee }),
          ];
        case 'update': {
          const p = pair(c.dueDate);
          return [
            p
              ? t('history.dueChanged', { who: assignee, before: day(p[0]), after: day(p[1]) })
              : t('history.assignmentChanged', { who: assignee }),
          ];
        }
        case 'report':
          return [
            str(c.reportedOn)
              ? t('history.reported', {
                  who: assignee,
                  status: statusLabel(c.status),
                  date: day(c.reportedOn),
                })
              : t('history.reportedUndated', { who: assignee, status: statusLabel(c.status) }),
          ];
        default:
          return [t('history.otherOf', { who: assignee, action: e.action })];
      }
    }
    switch (e.action) {
      case 'create':
        return [t('history.created', { number: str(c.number) ?? decision.number })];
      case 'update':
        return updateLines(c);
      case 'relate': {
        const id = str(c.decisionId);
        const kind = str(c.kind);
        return [
          <>
            {t('history.related', {
              relation: kind ? lowerFirst(t(`relations.${kind}.outgoing`), lang) : '',
            })}{' '}
            {id && <DecisionRef id={id} known={known} />}
          </>,
        ];
      }
      case 'supersede':
      case 'cancel': {
        const by = str(c.by);
        return [
          <>
            {t(`relations.${e.action === 'supersede' ? 'supersedes' : 'cancels'}.incoming`)}{' '}
            {by && <DecisionRef id={by} known={known} />}
          </>,
        ];
      }
      case 'unassign':
        return [t('history.unassigned', { who: who(c.memberState, c.bodyId) })];
      default:
        return [t('history.other', { action: e.action })];
    }
  };
}

/** The decision's history: who changed what and when, newest first. */
export function DecisionHistory({
  decision,
  events,
}: {
  decision: Decision;
  events: DecisionHistoryEvent[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useDescribe(decision);
  return (
    <ol className="plenum-history" aria-label={t('decisions.history')}>
      {events.map((e) => (
        <li key={e.seq}>
          {describe(e).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one event never move
            <Text key={i} size="sm" component="div" style={{ overflowWrap: 'break-word' }}>
              {line}
            </Text>
          ))}
          <Text size="xs" c="dimmed" mt={2}>
            {e.actor?.name ?? t('history.system')} ·{' '}
            <time dateTime={e.at}>{format.dateTime(e.at)}</time>
          </Text>
        </li>
      ))}
    </ol>
  );
}
