import type { Query, QueryClient } from '@tanstack/react-query';
import { type ChangeEvent, openEventStream } from './event-stream.ts';

// The query-key prefixes (features/*/api.ts) that show each audited entity type. Decisions and
// their assignments and reports also feed the dashboard, the implementation review and "waiting".
const IMPLEMENTATION = ['decisions', 'assignments', 'implementation', 'waiting', 'meetings'];
const PREFIXES: Record<string, string[]> = {
  meeting: ['meetings', 'implementation'],
  agenda_item: ['meetings'],
  agenda_amendment: ['meetings'],
  participant: ['meetings'],
  meeting_pack: ['meetings'],
  meeting_session: ['meetings', 'proposals'],
  proposal: ['proposals', 'meetings', 'decisions'],
  decision: IMPLEMENTATION,
  assignment: IMPLEMENTATION,
  report: IMPLEMENTATION,
  implementation_report: IMPLEMENTATION,
  document: ['documents', 'consultations', 'meetings'],
  document_version: ['documents', 'consultations'],
  consultation: ['consultations', 'documents', 'waiting', 'meetings'],
  consultation_comment: ['consultations'],
  news: ['news'],
  standard: ['standards'],
  standard_adoption: ['standards'],
  program: ['programs'],
  program_measure: ['programs'],
  program_measure_report: ['programs'],
  project: ['projects'],
  ip_result: ['ip-results'],
  member_state: ['member-states'],
  body: ['bodies'],
  person: ['persons'],
  membership: ['memberships'],
  organization: ['organizations'],
  notification: ['notifications'],
  notification_preferences: ['notifications'],
  minutes_revision: ['meetings'],
  file: ['documents', 'news'],
  user: ['auth'],
  api_token: ['auth'],
  calendar_feed: ['auth'],
};

const DEBOUNCE_MS = 150;

/**
 * An edit form reads its record with an infinite staleTime (app/use-record.ts): it edits the
 * version it was shown and learns of others' changes by a 412, so no refetch swaps it underneath.
 */
const editedHere = (query: Query) =>
  query.observers.some((o) => o.options.staleTime === Number.POSITIVE_INFINITY);

/**
 * Keeps what the workspace shows current: follows /api/v1/events and, on each change, marks the
 * queries that show the entity stale (active ones refetch). Changes are gathered for a moment so a
 * burst of events costs one refetch per query. Returns the function that stops it.
 */
export function startLiveUpdates(queryClient: QueryClient): () => void {
  const pending = new Set<string>();
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const prefixes = new Set(pending);
    const all = everything;
    pending.clear();
    everything = false;
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const head = query.queryKey[0];
        if (head === 'me' || editedHere(query)) {
          return false;
        }
        return all || (typeof head === 'string' && prefixes.has(head));
      },
    });
  };
  const schedule = () => {
    timer ??= setTimeout(flush, DEBOUNCE_MS);
  };

  const close = openEventStream('/events', {
    onChange: (event: ChangeEvent) => {
      const prefixes = PREFIXES[event.entity];
      if (prefixes) {
        for (const p of prefixes) {
          pending.add(p);
        }
      } else {
        // An entity type this map does not know yet: whatever is on screen may show it.
        everything = true;
      }
      schedule();
    },
    onReset: () => {
      everything = true;
      schedule();
    },
  });
  return () => {
    clearTimeout(timer);
    close();
  };
}
