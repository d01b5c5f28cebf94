import { Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../../app/auth.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';

/**
 * Where a password sign-in lands while the administrator requires two-factor sign-in and the
 * user has none: the session may do nothing else until it is set up.
 */
export function EnrolPage(): JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Box mih="100dvh" bg="gray.0" p="md">
      <Center mih="90dvh">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" w="100%" maw={520}>
          <Stack>
            <div>
              <Text fw={700} c="indigo.8" fz="lg">
                Plenum
              </Text>
              <Title order={1} fz="h3">
                {t('twofactor.enrolTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('twofactor.enrolForced')}
              </Text>
            </div>
            <TotpEnrolment onDone={() => navigate({ to: '/' })} />
            <Group justify="flex-end">
              <Button
                variant="subtle"
                onClick={() =>
                  signOut(queryClient).finally(() => navigate({ to: '/login', search: {} }))
                }
              >
                {t('twofactor.signOut')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
