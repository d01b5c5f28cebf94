import { ActionIcon, AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingBank,
  IconCalendarEvent,
  IconChecklist,
  IconFileSpreadsheet,
  IconFileText,
  IconFlag,
  IconGauge,
  IconHierarchy2,
  IconId,
  IconInbox,
  IconKey,
  IconLogout,
  IconMessages,
  IconNews,
  IconTableImport,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Bell } from '../features/notifications/bell.tsx';
import { SearchTrigger } from '../features/search/search-trigger.tsx';
import { signOut, useMe } from './auth.ts';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

function NavSection({ title, items, path }: { title: string; items: NavItem[]; path: string }) {
  return (
    <nav aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
        {title}
      </Text>
      {items.map((item) => {
        const current = path === item.to;
        const active = current || path.startsWith(`${item.to}/`);
        return (
          // A Button rather than NavLink: NavLink brings its collapse machinery (about 2.5 KB
          // gzipped) into the first page, and these links have no children (DESIGN §6 budget).
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'dark'}
            fw={400}
            fullWidth
            justify="flex-start"
            leftSection={item.icon}
            aria-current={current ? 'page' : undefined}
          >
            {item.label}
          </Button>
        );
      })}
    </nav>
  );
}

/** The workspace frame: header with language and user, navigation by area, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = useRouterState({ select: (s) => s.location.pathname });

  // On a phone the navigation closes once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the path changes
  useEffect(() => close(), [path, close]);

  // Live updates load after the first page (a chunk of their own: DESIGN §6 budget).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let left = false;
    void import('./live-updates.ts').then((m) => {
      if (!left) {
        stop = m.startLiveUpdates(queryClient);
      }
    });
    return () => {
      left = true;
      stop?.();
    };
  }, [queryClient]);

  const icon = { size: 18, stroke: 1.6, 'aria-hidden': true } as const;
  const sections: { title: string; items: NavItem[] }[] = [
    {
      title: t('nav.work'),
      items: [
        { to: '/', label: t('nav.dashboard'), icon: <IconGauge {...icon} /> },
        { to: '/waiting', label: t('nav.waiting'), icon: <IconInbox {...icon} /> },
        { to: '/meetings', label: t('nav.meetings'), icon: <IconCalendarEvent {...icon} /> },
        { to: '/decisions', label: t('nav.decisions'), icon: <IconChecklist {...icon} /> },
        { to: '/documents', label: t('nav.documents'), icon: <IconFileText {...icon} /> },
        {
          to: '/consultations',
          label: t('nav.consultations'),
          icon: <IconMessages {...icon} />,
        },
        {
          to: '/written-procedures',
          label: t('nav.writtenProcedures'),
          icon: <IconChecklist {...icon} />,
        },
        { to: '/news', label: t('nav.news'), icon: <IconNews {...icon} /> },
        {
          to: '/implementation/bulk',
          label: t('nav.bulk'),
          icon: <IconFileSpreadsheet {...icon} />,
        },
      ],
    },
    {
      title: t('nav.registers'),
      items: [
        { to: '/standards', label: t('nav.standards'), icon: <IconFileText {...icon} /> },
        { to: '/programs', label: t('nav.programs'), icon: <IconChecklist {...icon} /> },
        { to: '/projects', label: t('nav.projects'), icon: <IconUsersGroup {...icon} /> },
        { to: '/ip-results', label: t('nav.ipResults'), icon: <IconKey {...icon} /> },
      ],
    },
    {
      title: t('nav.directory'),
      items: [
        {
          to: '/directory/member-states',
          label: t('nav.memberStates'),
          icon: <IconFlag {...icon} />,
        },
        { to: '/directory/bodies', label: t('nav.bodies'), icon: <IconHierarchy2 {...icon} /> },
        { to: '/directory/persons', label: t('nav.persons'), icon: <IconUsers {...icon} /> },
        {
          to: '/directory/memberships',
          label: t('nav.memberships'),
          icon: <IconUsersGroup {...icon} />,
        },
        {
          to: '/directory/organizations',
          label: t('nav.organizations'),
          icon: <IconBuildingBank {...icon} />,
        },
        // Import writes the directory: the secretariat's and admins' only.
        ...(me?.user.role === 'secretariat' || me?.user.role === 'admin'
          ? [{ to: '/imports', label: t('nav.import'), icon: <IconTableImport {...icon} /> }]
          : []),
      ],
    },
    {
      title: t('nav.account'),
      items: [
        { to: '/account', label: t('nav.profile'), icon: <IconId {...icon} /> },
        { to: '/account/tokens', label: t('nav.tokens'), icon: <IconKey {...icon} /> },
      ],
    },
  ];

  const onSignOut = async () => {
    await signOut(queryClient);
    await navigate({ to: '/login', search: {} });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
            />
            <Text component={Link} to="/" fw={700} fz="lg" c="indigo.8">
              Plenum
            </Text>
          </Group>
          <Group gap={8} wrap="nowrap">
            <SearchTrigger />
            <Bell />
            <LanguageSwitch />
            <Text size="sm" visibleFrom="md" maw={220} truncate>
              {me?.user.name}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={onSignOut}
              aria-label={t('user.signOut')}
              title={t('user.signOut')}
            >
              <IconLogout size={20} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {sections.map((s) => (
            <NavSection key={s.title} title={s.title} items={s.items} path={path} />
          ))}
        </AppShell.Section>
        <AppShell.Section p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" fw={500} truncate>
            {me?.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me?.user.email}
            {me ? ` · ${t(`enums.role.${me.user.role}`)}` : ''}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
