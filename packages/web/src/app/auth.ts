import type { Language, Me, User } from '@plenum/shared';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './api.ts';
import { currentLanguage, setLanguage } from './i18n.ts';

/** The signed-in user, or null when signed out. Also keeps the session's CSRF token in memory. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

/** The signed-in user; only for pages below the signed-in layout. */
export function useUser(): User {
  const me = useMe();
  if (!me) {
    throw new Error('useUser outside the signed-in area');
  }
  return me.user;
}

/** Whether the user may change directory and meeting content (DESIGN §3). */
export function canWrite(user: User | null | undefined): boolean {
  return user?.role === 'secretariat' || user?.role === 'admin';
}

export async function signIn(
  queryClient: QueryClient,
  email: string,
  password: string,
  secondFactor?: { totpCode?: string; recoveryCode?: string },
): Promise<Me> {
  const me = await api.post<Me>('/auth/login', { email, password, ...secondFactor });
  setCsrfToken(me.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(meQuery.queryKey, me);
  // The user's stored language applies at sign-in.
  await setLanguage(me.user.language);
  return me;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/auth/logout');
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, null);
  }
}

/** Changes the interface language; a signed-in user's choice is stored on the server too. */
export async function changeLanguage(queryClient: QueryClient, lang: Language): Promise<void> {
  if (lang === currentLanguage()) {
    return;
  }
  await setLanguage(lang);
  const me = queryClient.getQueryData(meQuery.queryKey);
  if (me && me.user.language !== lang) {
    const updated = await api.patch<Me>('/auth/me', { language: lang });
    const next: Me = { ...me, user: updated.user };
    queryClient.setQueryData(meQuery.queryKey, next);
  }
}
