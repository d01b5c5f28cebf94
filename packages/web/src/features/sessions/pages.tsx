// The pages of session mode and the written procedure. The router imports this small module (one
// lazy import there); each page loads from here on its own (DESIGN §6 budget: every lazy import in
// the router adds its dependencies to the first page's list of files to preload).
import { useParams } from '@tanstack/react-router';
import { type JSX, lazy } from 'react';

export const SessionTab = lazy(() =>
  import('./session-tab.tsx').then((m) => ({ default: m.SessionTab })),
);
export const RoomPage = lazy(() =>
  import('./room-page.tsx').then((m) => ({ default: m.RoomPage })),
);
const WrittenListPage = lazy(() =>
  import('./written-list-page.tsx').then((m) => ({ default: m.WrittenListPage })),
);
const WrittenPage = lazy(() =>
  import('./written-page.tsx').then((m) => ({ default: m.WrittenPage })),
);

/** /written-procedures (the list) and /written-procedures/{id} (one proposal). */
export function WrittenPages(): JSX.Element {
  const { proposalId } = useParams({ from: '/app/written-procedures/{-$proposalId}' });
  return proposalId ? <WrittenPage id={proposalId} /> : <WrittenListPage />;
}
