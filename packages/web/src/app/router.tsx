import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { NotFoundPage } from '../components/not-found.tsx';
import { meQuery } from './auth.ts';
import { AppLayout } from './layout.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

type Search = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Search): { redirect?: string; error?: string } => ({
    redirect: str(s.redirect),
    // Why a single sign-on ended here (the server's /auth/oidc/callback).
    error: str(s.error),
  }),
  beforeLoad: async ({ context }) => {
    if ((await context.queryClient.ensureQueryData(meQuery))?.totpEnrollmentRequired === false) {
      throw redirect({ to: '/' });
    }
  },
  component: lazyRouteComponent(() => import('../features/auth/login-page.tsx'), 'LoginPage'),
});

/** A signed-in user, or the login page and then back here. */
const signedIn = async ({
  context,
  location,
}: {
  context: RouterContext;
  location: { href: string };
}) => {
  const me = await context.queryClient.ensureQueryData(meQuery);
  // Signed out, or two-factor sign-in must be set up first: the login page does both.
  if (!me || me.totpEnrollmentRequired) {
    throw redirect({ to: '/login', search: { redirect: location.href } });
  }
};

/** Everything below needs a signed-in user. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: signedIn,
  component: AppLayout,
});

/**
 * A lazy page that never opens first: it waits for the strings of such pages too (a chunk of their
 * own, so the first routes — login, dashboard, meetings list — do not carry them; DESIGN §6).
 */
const withPageStrings =
  <M,>(load: () => Promise<M>) =>
  (): Promise<M> =>
    Promise.all([load(), import('./page-strings.ts').then((m) => m.loadPageStrings())]).then(
      ([m]) => m,
    );

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(
    () => import('../features/implementation/dashboard-page.tsx'),
    'DashboardPage',
  ),
});

// ---- Decisions and their implementation -------------------------------------------------------

export interface DecisionsSearch {
  status?: string;
  bodyId?: string;
  meetingId?: string;
  memberState?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  sort?: 'due';
}

const decisionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/decisions',
  validateSearch: (s: Search): DecisionsSearch => ({
    status: str(s.status),
    bodyId: str(s.bodyId),
    meetingId: str(s.meetingId),
    memberState: str(s.memberState),
    dueFrom: str(s.dueFrom),
    dueTo: str(s.dueTo),
    q: str(s.q),
    sort: s.sort === 'due' ? 'due' : undefined,
  }),
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/decisions/decisions-page.tsx')),
    'DecisionsPage',
  ),
});

const decisionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/decisions/new',
  validateSearch: (s: Search): { meetingId?: string } => ({ meetingId: str(s.meetingId) }),
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/decisions/decision-new-page.tsx')),
    'DecisionNewPage',
  ),
});

const decisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/decisions/$decisionId',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/decisions/decision-page.tsx')),
    'DecisionPage',
  ),
});

const bulkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/implementation/bulk',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/implementation/bulk-page.tsx')),
    'BulkPage',
  ),
});

// ---- Documents and consultations --------------------------------------------------------------

const documentPages = withPageStrings(() => import('../features/documents/pages.ts'));
/** Search parameters that are plain strings, by name (kept small: this file is in the first page). */
const strings =
  <K extends string>(...keys: K[]) =>
  (s: Search): Partial<Record<K, string>> =>
    Object.fromEntries(keys.map((k) => [k, str(s[k])])) as Partial<Record<K, string>>;

const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents',
  validateSearch: strings('kind', 'bodyId', 'status', 'classification', 'q'),
  component: lazyRouteComponent(documentPages, 'DocumentsPage'),
});
const documentNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/new',
  component: lazyRouteComponent(documentPages, 'DocumentNewPage'),
});
const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$documentId',
  component: lazyRouteComponent(documentPages, 'DocumentPage'),
});
const consultationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/consultations',
  // all: a delegate sees its own state's rounds unless this is set.
  validateSearch: strings('status', 'memberState', 'all'),
  component: lazyRouteComponent(documentPages, 'ConsultationsPage'),
});
const consultationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/consultations/$consultationId',
  component: lazyRouteComponent(documentPages, 'ConsultationPage'),
});

// ---- News of the public portal ----------------------------------------------------------------

const newsPages = withPageStrings(() => import('../features/news/pages.ts'));
const newsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/news',
  validateSearch: strings('section', 'status', 'q'),
  component: lazyRouteComponent(newsPages, 'NewsListPage'),
});
const newsNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/news/new',
  component: lazyRouteComponent(newsPages, 'NewsNewPage'),
});
const newsEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/news/$newsId',
  component: lazyRouteComponent(newsPages, 'NewsEditPage'),
});

// ---- Registers: projects and intellectual-property results ------------------------------------

// One route per register: the list without an id, the entry with one, its create form at "new"
// (fewer routes in the router, which the first page carries; DESIGN §6 budget).
const projectPage = lazyRouteComponent(
  withPageStrings(() => import('../features/projects/pages.tsx')),
  'RegisterPage',
);
// The list filters of both registers (for IP results: the holder's state, the protection status).
const projectFilters = strings('kind', 'status', 'memberState', 'role', 'classification', 'q');
const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/{-$projectId}',
  validateSearch: projectFilters,
  component: projectPage,
});
const ipResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ip-results/{-$ipResultId}',
  validateSearch: projectFilters,
  component: projectPage,
});

// ---- Registers: standards and programs ---------------------------------------------------------

const registerPages = withPageStrings(() => import('../features/standards/pages.ts'));
// The filters of both registers (and the adoption matrix) in one validator.
const registerFilters = strings('status', 'bodyId', 'leadMemberState', 'memberState', 'q');
const standardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/standards',
  validateSearch: registerFilters,
  component: lazyRouteComponent(registerPages, 'StandardsPage'),
});
// "matrix" in place of the id is the adoption matrix (one route fewer in the first page).
const standardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/standards/$standardId',
  validateSearch: registerFilters,
  component: lazyRouteComponent(registerPages, 'StandardPage'),
});
const programsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programs',
  validateSearch: registerFilters,
  component: lazyRouteComponent(registerPages, 'ProgramsPage'),
});
const programRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programs/$programId',
  component: lazyRouteComponent(registerPages, 'ProgramPage'),
});

// ---- Meetings ---------------------------------------------------------------------------------

export interface MeetingsSearch {
  /** Upcoming when absent. */
  when?: 'upcoming' | 'past';
  bodyId?: string;
  status?: string;
}

const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  validateSearch: (s: Search): MeetingsSearch => ({
    when: s.when === 'past' ? 'past' : undefined,
    bodyId: str(s.bodyId),
    status: str(s.status),
  }),
  component: lazyRouteComponent(
    () => import('../features/meetings/meetings-list-page.tsx'),
    'MeetingsListPage',
  ),
});

const meetingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/new',
  validateSearch: (s: Search): { parentMeetingId?: string; bodyId?: string } => ({
    parentMeetingId: str(s.parentMeetingId),
    bodyId: str(s.bodyId),
  }),
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/meetings/meeting-new-page.tsx')),
    'MeetingNewPage',
  ),
});

const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/meetings/meeting-layout.tsx')),
    'MeetingLayout',
  ),
});

// The tabs load through one small module (see features/meetings/tabs.tsx).
const meetingTabs = withPageStrings(() => import('../features/meetings/tabs.tsx'));

const meetingOverviewRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: '/',
  component: lazyRouteComponent(meetingTabs, 'OverviewTab'),
});

const meetingAgendaRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'agenda',
  component: lazyRouteComponent(meetingTabs, 'AgendaTab'),
});

const meetingParticipantsRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'participants',
  component: lazyRouteComponent(meetingTabs, 'ParticipantsTab'),
});

const meetingReviewRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'implementation',
  component: lazyRouteComponent(meetingTabs, 'ReviewTab'),
});

const meetingCouncilsRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'councils',
  component: lazyRouteComponent(meetingTabs, 'CouncilsTab'),
});

// Session mode, its room display and the written procedure: one small module that loads each page.
const sessionPages = withPageStrings(() => import('../features/sessions/pages.tsx'));

const meetingSessionRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'session',
  component: lazyRouteComponent(sessionPages, 'SessionTab'),
});

/** The room display: full screen, without the workspace's frame. */
const roomRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meetings/$meetingId/room',
  validateSearch: strings('lang'),
  beforeLoad: signedIn,
  component: lazyRouteComponent(sessionPages, 'RoomPage'),
});

// The list without an id, a proposal with one.
const writtenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/written-procedures/{-$proposalId}',
  validateSearch: strings('status'),
  component: lazyRouteComponent(sessionPages, 'WrittenPages'),
});

// ---- Directory --------------------------------------------------------------------------------

const memberStates = withPageStrings(() => import('../features/directory/member-states/pages.tsx'));
const bodies = withPageStrings(() => import('../features/directory/bodies/pages.tsx'));
const persons = withPageStrings(() => import('../features/directory/persons/pages.tsx'));
const memberships = withPageStrings(() => import('../features/directory/memberships/pages.tsx'));
const organizations = withPageStrings(
  () => import('../features/directory/organizations/pages.tsx'),
);

export interface MemberStatesSearch {
  q?: string;
  status?: string;
}
const memberStatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/member-states',
  validateSearch: (s: Search): MemberStatesSearch => ({ q: str(s.q), status: str(s.status) }),
  component: lazyRouteComponent(memberStates, 'MemberStatesPage'),
});
const memberStateNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/member-states/new',
  component: lazyRouteComponent(memberStates, 'MemberStateNewPage'),
});
const memberStateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/member-states/$code',
  component: lazyRouteComponent(memberStates, 'MemberStatePage'),
});
const memberStateEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/member-states/$code/edit',
  component: lazyRouteComponent(memberStates, 'MemberStateEditPage'),
});

export interface BodiesSearch {
  q?: string;
  kind?: string;
}
const bodiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/bodies',
  validateSearch: (s: Search): BodiesSearch => ({ q: str(s.q), kind: str(s.kind) }),
  component: lazyRouteComponent(bodies, 'BodiesPage'),
});
const bodyNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/bodies/new',
  validateSearch: (s: Search): { parentId?: string } => ({ parentId: str(s.parentId) }),
  component: lazyRouteComponent(bodies, 'BodyNewPage'),
});
const bodyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/bodies/$bodyId',
  component: lazyRouteComponent(bodies, 'BodyPage'),
});
const bodyEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/bodies/$bodyId/edit',
  component: lazyRouteComponent(bodies, 'BodyEditPage'),
});

export interface PersonsSearch {
  q?: string;
  memberState?: string;
  bodyId?: string;
}
const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/persons',
  validateSearch: (s: Search): PersonsSearch => ({
    q: str(s.q),
    memberState: str(s.memberState),
    bodyId: str(s.bodyId),
  }),
  component: lazyRouteComponent(persons, 'PersonsPage'),
});
const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/persons/new',
  component: lazyRouteComponent(persons, 'PersonNewPage'),
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/persons/$personId',
  component: lazyRouteComponent(persons, 'PersonPage'),
});
const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/persons/$personId/edit',
  component: lazyRouteComponent(persons, 'PersonEditPage'),
});

export interface MembershipsSearch {
  personId?: string;
  bodyId?: string;
  memberState?: string;
  role?: string;
  current?: boolean;
}
const membershipsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/memberships',
  validateSearch: (s: Search): MembershipsSearch => ({
    personId: str(s.personId),
    bodyId: str(s.bodyId),
    memberState: str(s.memberState),
    role: str(s.role),
    current: s.current === true || s.current === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(memberships, 'MembershipsPage'),
});
const membershipNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/memberships/new',
  validateSearch: (s: Search): { personId?: string; bodyId?: string } => ({
    personId: str(s.personId),
    bodyId: str(s.bodyId),
  }),
  component: lazyRouteComponent(memberships, 'MembershipNewPage'),
});
const membershipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/memberships/$membershipId',
  component: lazyRouteComponent(memberships, 'MembershipPage'),
});
const membershipEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/memberships/$membershipId/edit',
  component: lazyRouteComponent(memberships, 'MembershipEditPage'),
});

export interface OrganizationsSearch {
  q?: string;
  memberState?: string;
  kind?: string;
}
const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/organizations',
  validateSearch: (s: Search): OrganizationsSearch => ({
    q: str(s.q),
    memberState: str(s.memberState),
    kind: str(s.kind),
  }),
  component: lazyRouteComponent(organizations, 'OrganizationsPage'),
});
const organizationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/organizations/new',
  component: lazyRouteComponent(organizations, 'OrganizationNewPage'),
});
const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/organizations/$organizationId',
  component: lazyRouteComponent(organizations, 'OrganizationPage'),
});
const organizationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/organizations/$organizationId/edit',
  component: lazyRouteComponent(organizations, 'OrganizationEditPage'),
});

// ---- Search, notifications, what waits for the user -----------------------------------------

const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/search',
  validateSearch: (s: Search): { q?: string; type?: string } => ({
    q: str(s.q),
    type: str(s.type),
  }),
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/search/search-page.tsx')),
    'SearchPage',
  ),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: (s: Search): { unread?: string } => ({ unread: str(s.unread) }),
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/notifications/notifications-page.tsx')),
    'NotificationsPage',
  ),
});
const waitingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/waiting',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/waiting/waiting-page.tsx')),
    'WaitingPage',
  ),
});

// ---- Account ----------------------------------------------------------------------------------

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/account/profile-page.tsx')),
    'ProfilePage',
  ),
});
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/tokens',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/account/tokens-page.tsx')),
    'TokensPage',
  ),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports',
  component: lazyRouteComponent(
    withPageStrings(() => import('../features/imports/import-page.tsx')),
    'ImportPage',
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  roomRoute,
  appRoute.addChildren([
    indexRoute,
    meetingsRoute,
    meetingNewRoute,
    meetingRoute.addChildren([
      meetingOverviewRoute,
      meetingAgendaRoute,
      meetingSessionRoute,
      meetingParticipantsRoute,
      meetingCouncilsRoute,
      meetingReviewRoute,
    ]),
    decisionsRoute,
    decisionNewRoute,
    decisionRoute,
    documentsRoute,
    documentNewRoute,
    documentRoute,
    consultationsRoute,
    consultationRoute,
    writtenRoute,
    newsRoute,
    newsNewRoute,
    newsEditRoute,
    standardsRoute,
    standardRoute,
    programsRoute,
    programRoute,
    projectsRoute,
    ipResultsRoute,
    bulkRoute,
    memberStatesRoute,
    memberStateNewRoute,
    memberStateRoute,
    memberStateEditRoute,
    bodiesRoute,
    bodyNewRoute,
    bodyRoute,
    bodyEditRoute,
    personsRoute,
    personNewRoute,
    personRoute,
    personEditRoute,
    membershipsRoute,
    membershipNewRoute,
    membershipRoute,
    membershipEditRoute,
    organizationsRoute,
    organizationNewRoute,
    organizationRoute,
    organizationEditRoute,
    profileRoute,
    tokensRoute,
    searchRoute,
    notificationsRoute,
    waitingRoute,
    importsRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/app',
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
