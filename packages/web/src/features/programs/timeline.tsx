import { Text } from '@mantine/core';
import type { ProgramTimeline } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { useText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { timelineQuery } from './api.ts';
import { MEASURE_STATUS_STYLE } from './labels.tsx';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The first day of each month (or of each year, for long periods) within the span. */
function ticks(from: number, to: number): { at: number; label: 'month' | 'year' }[] {
  const out: { at: number; label: 'month' | 'year' }[] = [];
  const long = to - from > 3 * 365 * DAY;
  const d = new Date(from);
  d.setUTCDate(1);
  while (d.getTime() <= to) {
    if (d.getTime() >= from && (!long || d.getUTCMonth() === 0)) {
      out.push({ at: d.getTime(), label: d.getUTCMonth() === 0 ? 'year' : 'month' });
    }
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

function Chart({ data }: { data: ProgramTimeline }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const format = useFormat();
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const from = ms(data.program.periodFrom);
  const to = ms(data.program.periodTo) + DAY;
  const span = Math.max(to - from, DAY);
  const pct = (at: number) => `${Math.min(100, Math.max(0, ((at - from) / span) * 100))}%`;
  const today = ms(data.asOf);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return (
    <div className="plenum-tl-scroll">
      <section className="plenum-tl" aria-label={t('programs.timeline')}>
        <div className="plenum-tl-row plenum-tl-head">
          <div className="plenum-tl-label">{t('programs.measure')}</div>
          <div className="plenum-tl-track">
            {ticks(from, to).map((tick) => (
              <span key={tick.at} className="plenum-tl-tick" style={{ left: pct(tick.at) }}>
                {tick.label === 'year'
                  ? new Date(tick.at).getUTCFullYear()
                  : monthName.format(new Date(tick.at))}
              </span>
            ))}
          </div>
        </div>
        {data.measures.map((m) => {
          const start = m.startDate ? ms(m.startDate) : from;
          const end = m.dueDate ? ms(m.dueDate) + DAY : to;
          const style = MEASURE_STATUS_STYLE[m.status];
          const summary = `${m.code} · ${t(`programs.measureStatus.${m.status}`)} · ${m.progress}%${
            m.dueDate ? ` · ${t('programs.dueOn', { date: format.date(m.dueDate) })}` : ''
          }${m.overdue ? ` · ${t('programs.overdue')}` : ''}`;
          return (
            <div key={m.id} className="plenum-tl-row">
              <div
                className="plenum-tl-label"
                style={{ paddingInlineStart: `${0.5 + m.depth}rem` }}
              >
                <Text span size="sm" fw={600}>
                  {m.code}
                </Text>{' '}
                <Text span size="sm">
                  {text(m.title)}
                </Text>
              </div>
              <div className="plenum-tl-track">
                <div
                  className={`plenum-tl-bar${m.overdue ? ' plenum-tl-overdue' : ''}`}
                  title={summary}
                  style={{
                    left: pct(start),
                    width: `calc(${pct(end)} - ${pct(start)})`,
                    borderColor: style.bar,
                    background: `linear-gradient(to right, ${style.bar} ${m.progress}%, transparent ${m.progress}%)`,
                  }}
                >
                  <span className="plenum-tl-bar-text">
                    {style.symbol} {m.progress}%{m.overdue ? ' !' : ''}
                  </span>
                </div>
                <span className="plenum-matrix-sr">{summary}</span>
              </div>
            </div>
          );
        })}
        {today >= from && today <= to && (
          <div
            className="plenum-tl-today"
            style={{
              left: `calc(var(--tl-label) + (100% - var(--tl-label)) * ${(today - from) / span})`,
            }}
          >
            <span>{t('programs.today')}</span>
          </div>
        )}
      </section>
    </div>
  );
}

/** The measures over the program's period: a bar per measure, filled by its progress, today marked. */
export function ProgramTimelineChart({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const timeline = useQuery(timelineQuery(programId));
  if (timeline.isPending) {
    return <PageLoader />;
  }
  if (timeline.isError) {
    return <LoadError error={timeline.error} retry={() => timeline.refetch()} />;
  }
  if (timeline.data.measures.length === 0) {
    return <Text c="dimmed">{t('programs.noMeasures')}</Text>;
  }
  return <Chart data={timeline.data} />;
}
