import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type JSX, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { signIn, useMe } from '../../app/auth.ts';
import { problemMessage, problemTitle } from '../../app/errors.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';

// Only accounts with two-factor sign-in need the code step: a chunk of its own.
// Their strings are among the pages' strings (app/page-strings.ts), loaded with them.
const withStrings = <T,>(load: () => Promise<T>) =>
  Promise.all([load(), import('../../app/page-strings.ts').then((m) => m.loadPageStrings())]).then(
    ([m]) => m,
  );
const SecondFactorStep = lazy(() =>
  withStrings(() => import('./second-factor.tsx')).then((m) => ({ default: m.SecondFactorStep })),
);

const EnrolPage = lazy(() =>
  withStrings(() => import('./enrol-page.tsx')).then((m) => ({ default: m.EnrolPage })),
);

export function LoginPage(): JSX.Element {
  // Signed in, but the administrator requires two-factor sign-in first (see the router). Once
  // shown, the enrolment stays until it is done: its last step shows the recovery codes.
  const [enrol, setEnrol] = useState(useMe()?.totpEnrollmentRequired === true);
  if (enrol) {
    return (
      <Suspense>
        <EnrolPage />
      </Suspense>
    );
  }
  return <PasswordStep onEnrol={() => setEnrol(true)} />;
}

function PasswordStep(props: { onEnrol: () => void }): JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { redirect, error: ssoError } = useSearch({ from: '/login' });
  const [error, setError] = useState<unknown>(null);
  // The single sign-on button's label, when the server has a provider configured.
  const [sso, setSso] = useState<string>();
  useEffect(() => {
    fetch('/api/v1/auth/providers')
      .then((r) => r.json())
      .then((p: { oidc?: { label: string } }) => setSso(p.oidc?.label))
      .catch(() => {});
  }, []);
  const [busy, setBusy] = useState(false);
  // Two fields need no form library: keeping it out keeps the first page light (DESIGN §6).
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ email: false, password: false });
  const [secondFactor, setSecondFactor] = useState(false);

  // Only paths inside the workspace are followed after sign-in.
  const target = redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = { email, password };
    const empty = { email: !email.trim(), password: !password };
    setMissing(empty);
    if (empty.email || empty.password) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(queryClient, values.email.trim(), values.password);
      if (me.totpEnrollmentRequired) {
        props.onEnrol();
        return;
      }
      await navigate({ to: target });
    } catch (e) {
      if (isApiError(e) && e.code === 'totp_required') {
        setSecondFactor(true);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const wrongPassword = isApiError(error) && error.status === 401;

  return (
    <Box mih="100dvh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mih="80dvh">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" w="100%" maw={420}>
          {secondFactor ? (
            <Suspense>
              <SecondFactorStep
                email={email.trim()}
                password={password}
                target={target}
                onBack={() => setSecondFactor(false)}
              />
            </Suspense>
          ) : (
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <div>
                  <Text fw={700} c="indigo.8" fz="lg">
                    Plenum
                  </Text>
                  <Title order={1} fz="h3">
                    {t('login.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('login.subtitle')}
                  </Text>
                </div>
                {ssoError && error === null && (
                  <Alert color="red" role="alert" title={t('login.failed')}>
                    {t(ssoError === 'sso_denied' ? 'login.sso_denied' : 'login.sso_failed')}
                  </Alert>
                )}
                {error !== null && (
                  <Alert
                    color="red"
                    role="alert"
                    title={wrongPassword ? t('login.failed') : problemTitle(t, error)}
                  >
                    {wrongPassword ? t('login.wrong') : problemMessage(t, error)}
                  </Alert>
                )}
                <TextInput
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={missing.email ? t('validation.required') : undefined}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={missing.password ? t('validation.required') : undefined}
                />
                <Button type="submit" loading={busy} fullWidth>
                  {t('login.submit')}
                </Button>
                {sso && (
                  <Button
                    component="a"
                    variant="default"
                    href={`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(`/app${target}`)}`}
                  >
                    {sso}
                  </Button>
                )}
              </Stack>
            </form>
          )}
        </Paper>
      </Center>
    </Box>
  );
}
