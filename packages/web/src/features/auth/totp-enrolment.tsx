import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { TotpEnrolment as Enrolment, Me, RecoveryCodes } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { meQuery } from '../../app/auth.ts';
import { problemMessage, problemTitle } from '../../app/errors.ts';

/** The QR code as an image: the server renders the SVG, so no QR library reaches the browser. */
const svgSource = (svg: string) =>
  `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;

/**
 * Enrolment in two-factor sign-in: a new secret (QR code and key), a first code to turn it on,
 * then the recovery codes, shown once with a copy button. `onDone` follows the recovery codes.
 */
export function TotpEnrolment(props: { onDone: () => void; onStarted?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.post<Enrolment>('/auth/totp'));
      props.onStarted?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<RecoveryCodes>('/auth/totp/confirm', { code: code.trim() });
      setCodes(result.recoveryCodes);
      const me = queryClient.getQueryData(meQuery.queryKey);
      if (me) {
        const next: Me = { ...me, totpEnabled: true, totpEnrollmentRequired: false };
        queryClient.setQueryData(meQuery.queryKey, next);
      }
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const alert = error !== null && (
    <Alert color="red" role="alert" title={problemTitle(tc, error)}>
      {isApiError(error) && error.code === 'validation_failed'
        ? t('twofactor.wrongCode')
        : problemMessage(tc, error)}
    </Alert>
  );

  if (codes) {
    const text = codes.join('\n');
    return (
      <Stack>
        <Text fw={600}>{t('twofactor.recoveryTitle')}</Text>
        <Text size="sm">{t('twofactor.recoveryIntro')}</Text>
        <List spacing={2} aria-label={t('twofactor.recoveryTitle')} data-testid="recovery-codes">
          {codes.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('twofactor.copied') : t('twofactor.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={props.onDone}>{t('twofactor.continue')}</Button>
        </Group>
      </Stack>
    );
  }

  if (!enrolment) {
    return (
      <Stack align="flex-start">
        {alert}
        <Button onClick={start} loading={busy}>
          {t('twofactor.start')}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={confirm} noValidate>
      <Stack maw={420}>
        <Text size="sm">{t('twofactor.scan')}</Text>
        <Image
          src={svgSource(enrolment.qrSvg)}
          alt={t('twofactor.qrAlt')}
          w={200}
          h={200}
          bg="white"
          radius="sm"
        />
        <div>
          <Text size="sm" fw={500}>
            {t('twofactor.secret')}
          </Text>
          <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {enrolment.secret}
          </Code>
        </div>
        <Text size="sm" id="totp-confirm-hint">
          {t('twofactor.confirmHint')}
        </Text>
        {alert}
        <TextInput
          label={t('twofactor.code')}
          aria-describedby="totp-confirm-hint"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('twofactor.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
