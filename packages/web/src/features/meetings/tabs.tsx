// The tabs of the meeting page. The router imports this small module (one lazy import there, not
// one per tab); each tab loads from here when shown (DESIGN §6 budget: every lazy import in the
// router adds the list of its dependencies to the first page).
import { lazy } from 'react';

export const OverviewTab = lazy(() =>
  import('./overview/overview-tab.tsx').then((m) => ({ default: m.OverviewTab })),
);
export const AgendaTab = lazy(() =>
  import('./agenda/agenda-tab.tsx').then((m) => ({ default: m.AgendaTab })),
);
export const ParticipantsTab = lazy(() =>
  import('./participants/participants-tab.tsx').then((m) => ({ default: m.ParticipantsTab })),
);
export const CouncilsTab = lazy(() =>
  import('./councils-tab.tsx').then((m) => ({ default: m.CouncilsTab })),
);
export const ReviewTab = lazy(() =>
  import('../implementation/review-tab.tsx').then((m) => ({ default: m.ReviewTab })),
);
