// The pages of the projects and IP-results registers. The router imports this small module (one
// lazy import there); each page loads from here on its own, so the first page's list of files to
// preload stays short (DESIGN §6 budget: every lazy import in the router adds its dependencies).
import { useLocation, useParams } from '@tanstack/react-router';
import { type JSX, lazy } from 'react';

const ProjectsPage = lazy(() =>
  import('./projects-page.tsx').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('./project-page.tsx').then((m) => ({ default: m.ProjectPage })),
);
const IpResultsPage = lazy(() =>
  import('../ip-results/ip-results-page.tsx').then((m) => ({ default: m.IpResultsPage })),
);
const IpResultPage = lazy(() =>
  import('../ip-results/ip-result-page.tsx').then((m) => ({ default: m.IpResultPage })),
);

/**
 * /projects, /projects/new (the create form), /projects/{id}; the same for /ip-results (one
 * component for both routes keeps the router small).
 */
export function RegisterPage(): JSX.Element {
  const params: { projectId?: string; ipResultId?: string } = useParams({ strict: false });
  const path = useLocation().pathname;
  if (path.includes('/ip-results')) {
    return params.ipResultId ? <IpResultPage id={params.ipResultId} /> : <IpResultsPage />;
  }
  return params.projectId ? <ProjectPage id={params.projectId} /> : <ProjectsPage />;
}
