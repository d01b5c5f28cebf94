import { Paper } from '@mantine/core';
import type { Document } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { PageHeader } from '../../components/page.tsx';
import { documentKey } from './api.ts';
import { DocumentForm, documentValues } from './document-form.tsx';
import { PageStyles } from './page-styles.tsx';
import { useVersionSubmit } from './version-fields.tsx';

export function DocumentNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const version = useVersionSubmit();
  return (
    <>
      <PageStyles />
      <PageHeader
        title={t('documents.new')}
        crumbs={[{ label: t('documents.title'), to: '/documents' }]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <DocumentForm
          mode="create"
          initial={documentValues()}
          progress={version.progress}
          onCancel={() => navigate({ to: '/documents' })}
          onSubmit={async (body, draft) => {
            const created = await api.post<Document>('/documents', body);
            queryClient.setQueryData(documentKey(created.id), created);
            if (draft) {
              try {
                await version.submit(created.id, draft);
              } catch (error) {
                // The document exists either way: show it; the version can be added there.
                notifyError(t, error);
              }
              await queryClient.invalidateQueries({ queryKey: documentKey(created.id) });
            }
            await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
            notifySaved(t);
            await navigate({ to: '/documents/$documentId', params: { documentId: created.id } });
          }}
        />
      </Paper>
    </>
  );
}
