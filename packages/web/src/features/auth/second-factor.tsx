import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { signIn } from '../../app/auth.ts';
import { problemMessage, problemTitle } from '../../app/errors.ts';

/**
 * The second step of a password sign-in when the account has two-factor sign-in on: the same
 * e-mail and password again, with a code from the app or a recovery code.
 */
export function SecondFactorStep(props: {
  email: string;
  password: string;
  target: string;
  onBack: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const value = code.trim();
    if (recovery ? !value : !/^\d{6}$/.test(value)) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(
        queryClient,
        props.email,
        props.password,
        recovery ? { recoveryCode: value } : { totpCode: value },
      );
      await navigate({ to: props.target });
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const wrong = isApiError(error) && error.status === 401;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz="h3">
            {t('twofactor.codeTitle')}
          </Title>
          <Text size="sm" c="dimmed" id="second-factor-hint">
            {recovery ? t('twofactor.recoveryHint') : t('twofactor.codeHint')}
          </Text>
        </div>
        {error !== null && (
          <Alert
            color="red"
            role="alert"
            title={wrong ? tc('login.failed') : problemTitle(tc, error)}
          >
            {wrong ? t('twofactor.wrongCode') : problemMessage(tc, error)}
          </Alert>
        )}
        <TextInput
          key={recovery ? 'recovery' : 'code'}
          label={recovery ? t('twofactor.recoveryCode') : t('twofactor.code')}
          aria-describedby="second-factor-hint"
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 64 : 6}
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('twofactor.verify')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={props.onBack}>
            {t('twofactor.back')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              setError(null);
            }}
          >
            {recovery ? t('twofactor.useCode') : t('twofactor.useRecovery')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
