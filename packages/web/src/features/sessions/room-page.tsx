import './room.css';
import { type Language, type LocalizedText, type Proposal, pickText } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openEventStream } from '../../app/event-stream.ts';
import { setLanguage } from '../../app/i18n.ts';
import { LoadError } from '../../components/page.tsx';
import { meetingKey, meetingQuery } from '../meetings/api.ts';
import { sessionQuery } from './api.ts';
import { POSITION_MARK } from './marks.ts';

const LANGUAGES: { lang: Language; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'ru', name: 'Русский' },
];

/**
 * The room display (issue 8): the meeting, the current agenda item, the draft decision under
 * consideration with each delegation's position, and the quorum, in large type on a dark screen;
 * it follows the meeting's live stream and reads the session again on every event.
 */
export function RoomPage(): JSX.Element {
  const { t, i18n } = useTranslation();
  const { meetingId } = useParams({ from: '/meetings/$meetingId/room' });
  const search = useSearch({ from: '/meetings/$meetingId/room' });
  const navigate = useNavigate({ from: '/meetings/$meetingId/room' });
  const queryClient = useQueryClient();
  const meeting = useQuery(meetingQuery(meetingId));
  const session = useQuery(sessionQuery(meetingId));
  // null while the first connection is made; false while reconnecting.
  const [live, setLive] = useState<boolean | null>(null);
  const lang: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const wanted = search.lang === 'ru' || search.lang === 'en' ? search.lang : null;

  useEffect(() => {
    if (wanted && wanted !== i18n.language) {
      void setLanguage(wanted);
    }
  }, [wanted, i18n.language]);

  useEffect(() => {
    const refetch = () => queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
    let wasLive = false;
    return openEventStream(`/meetings/${encodeURIComponent(meetingId)}/events`, {
      onChange: () => void refetch(),
      onReset: () => void refetch(),
      onStatus: (now) => {
        setLive(now);
        // Back after a break: the stream replays what was missed, but read once more anyway.
        if (now && wasLive) {
          void refetch();
        }
        wasLive ||= now;
      },
    });
  }, [meetingId, queryClient]);

  useEffect(() => {
    if (meeting.data) {
      document.title = `${pickText(meeting.data.name, lang).text} — ${t('sessions.roomDisplay')}`;
    }
  }, [meeting.data, lang, t]);

  const pick = (v: LocalizedText | null | undefined) => pickText(v, lang).text;
  const s = session.data;
  const error = meeting.error ?? session.error;
  const item = s?.currentAgendaItem ?? null;
  const last = s?.proposals.at(-1);
  // The draft under consideration; once decided it stays on screen until the next item.
  const draft: Proposal | null =
    s?.proposals.find((p) => p.id === s.currentProposalId) ??
    (last && item && last.agendaItemId === item.id ? last : null);
  const presentCodes = new Set(s?.attendance.filter((a) => a.present).map((a) => a.memberState));

  return (
    <div className="room" lang={lang}>
      <header className="room-head">
        <p className="room-meeting">{meeting.data ? pick(meeting.data.name) : '…'}</p>
        <div className="room-tools">
          {s && (
            <p className={`room-quorum ${s.quorum.met ? 'met' : 'unmet'}`}>
              <span>
                <span aria-hidden>{s.quorum.met ? '✓ ' : '! '}</span>
                {t(s.quorum.met ? 'sessions.quorumMet' : 'sessions.quorumNotMetShort', {
                  present: s.quorum.present,
                  required: s.quorum.required,
                })}
              </span>
              <small>
                {t('sessions.presentOf', {
                  present: s.quorum.present,
                  total: s.attendance.length,
                })}
              </small>
            </p>
          )}
          {live === false && (
            <span className="room-conn" role="status">
              {t('sessions.reconnecting')}
            </span>
          )}
          <fieldset className="room-lang" aria-label={t('language.label')}>
            {LANGUAGES.map((l) => (
              <button
                key={l.lang}
                type="button"
                lang={l.lang}
                title={l.name}
                // The visible code first, so speech input can name the button by what it shows.
                aria-label={`${l.lang.toUpperCase()} — ${l.name}`}
                aria-pressed={lang === l.lang}
                onClick={() => {
                  void navigate({ search: { lang: l.lang }, replace: true });
                  void setLanguage(l.lang);
                }}
              >
                {l.lang.toUpperCase()}
              </button>
            ))}
          </fieldset>
        </div>
      </header>

      {error ? (
        <LoadError error={error} retry={() => queryClient.invalidateQueries()} />
      ) : !s ? (
        <p className="room-empty">{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="room-item">
            <p className="room-label">
              {item ? t('sessions.room.item', { position: item.position }) : t('sessions.agenda')}
            </p>
            <h1 id="room-item" className="room-item-title" aria-live="polite">
              {item
                ? pick(item.title)
                : s.status === 'in_session'
                  ? t('sessions.room.noItem')
                  : s.status === 'held'
                    ? t('sessions.room.closed')
                    : t('sessions.room.notOpen')}
            </h1>
          </section>

          <section className="room-draft" aria-labelledby="room-draft">
            {draft ? (
              <>
                <p className="room-label">
                  {draft.status === 'open'
                    ? t('sessions.underConsideration')
                    : t(`sessions.kindOf.${draft.kind}`)}
                </p>
                <h2 id="room-draft" className="room-draft-title">
                  {pick(draft.title)}
                </h2>
                <p
                  className={`room-outcome ${draft.status === 'adopted' ? 'adopted' : draft.status === 'open' ? 'open' : 'refused'}`}
                  aria-live="polite"
                >
                  {draft.status === 'adopted'
                    ? `★ ${t('sessions.room.adopted', { number: draft.decisionNumber ?? '' })}`
                    : draft.status === 'open'
                      ? draft.outcome.objections.length > 0
                        ? `✗ ${t('sessions.room.objections', { count: draft.outcome.objections.length })}`
                        : draft.outcome.pending.length > 0
                          ? `… ${t('sessions.room.awaiting', { count: draft.outcome.pending.length })}`
                          : `✓ ${t('sessions.consensus')}`
                      : `${t(`sessions.status.${draft.status}`)}`}
                </p>
                <ul className="room-positions" aria-label={t('sessions.positions')}>
                  {s.attendance.map((a) => {
                    const here = presentCodes.has(a.memberState);
                    const pos = draft.positions.find((p) => p.memberState === a.memberState);
                    const key = here ? (pos?.position ?? 'none') : 'absent';
                    return (
                      <li key={a.memberState} className={`room-tile ${key}`}>
                        <span className="mark" aria-hidden>
                          {POSITION_MARK[key].symbol}
                        </span>
                        <span className="state">
                          {pick(a.name)} ({a.memberState})
                        </span>
                        <span className="word">
                          {here ? t(`sessions.position.${key}`) : t('sessions.absent')}
                        </span>
                        {pos?.reservation && <span className="note">{pick(pos.reservation)}</span>}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <>
                <p className="room-label">{t('sessions.underConsideration')}</p>
                <h2 id="room-draft" className="room-empty">
                  {t('sessions.noDraft')}
                </h2>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
