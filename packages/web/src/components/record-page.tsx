import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type QueryKey, type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../app/auth.ts';
import { notifySaved } from '../app/errors.ts';
import { DeleteButton } from './delete-button.tsx';
import { ButtonLink } from './links.tsx';
import { type Crumb, LoadError, PageHeader, PageLoader } from './page.tsx';

// Scaffolding shared by the record pages (list, detail, new, edit) of the directory.

/** Whether the signed-in user may create, edit and delete records. */
export function useWriter(): boolean {
  return canWrite(useMe()?.user);
}

interface Loadable {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A loader while `query` is pending, the error with a retry if it failed, else `children`. */
export function Loading({ query, children }: { query: Loadable; children: () => ReactNode }) {
  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    return <LoadError error={query.error} retry={() => query.refetch()} />;
  }
  return <>{children()}</>;
}

/** Loading and error states of a query (a record, or a list read whole), then `children` with its data. */
export function RecordPage<T>({
  query,
  children,
}: {
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
}) {
  return <Loading query={query}>{() => children(query.data as T)}</Loading>;
}

/** A page with a form: its title and breadcrumbs above the form. */
export function FormPage({
  title,
  crumbs,
  children,
}: {
  title: string;
  crumbs: Crumb[];
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      {children}
    </>
  );
}

/**
 * What follows a successful write: the cached lists under `listKey` are refreshed, the user is told,
 * and `then` (usually a navigation) runs.
 */
export function useAfterWrite(listKey: QueryKey) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const finish = async (message: string | undefined, then: () => unknown) => {
    await queryClient.invalidateQueries({ queryKey: listKey });
    notifySaved(t, message);
    await then();
  };
  return {
    created: (then: () => unknown) => finish(undefined, then),
    /** The record at `recordKey` is replaced by `updated`, as the server returned it. */
    updated: <T,>(recordKey: QueryKey, updated: T, then: () => unknown) => {
      queryClient.setQueryData(recordKey, updated);
      return finish(undefined, then);
    },
    deleted: (then: () => unknown) => finish(t('common.deleted'), then),
  };
}

/** The "new" button of a list page, typed like the router's links. */
export const NewButtonLink: typeof ButtonLink = (props) => (
  <ButtonLink leftSection={<IconPlus size={16} aria-hidden />} {...props} />
);

/** The "edit" button of a record page, typed like the router's links. */
export const EditButtonLink: typeof ButtonLink = (props) => {
  const { t } = useTranslation();
  return (
    <ButtonLink variant="light" leftSection={<IconPencil size={16} aria-hidden />} {...props}>
      {t('common.edit')}
    </ButtonLink>
  );
};

/** Header of a directory list, with its "new" button for those who may write. */
export function ListPageHeader({ title, newButton }: { title: string; newButton: ReactNode }) {
  const { t } = useTranslation();
  const writer = useWriter();
  return (
    <PageHeader
      title={title}
      crumbs={[{ label: t('nav.directory'), to: '/directory/member-states' }]}
      actions={writer && newButton}
    />
  );
}

/** The edit and delete buttons of a record page. */
export function RecordActions({
  edit,
  what,
  onDelete,
  reload,
  onDeleted,
}: {
  edit: ReactNode;
  what: string;
  onDelete: () => Promise<unknown>;
  reload: () => Promise<unknown>;
  onDeleted: () => unknown;
}) {
  return (
    <>
      {edit}
      <DeleteButton what={what} onDelete={onDelete} reload={reload} onDeleted={onDeleted} />
    </>
  );
}
