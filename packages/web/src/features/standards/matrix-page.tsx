import { Group, Paper, Text } from '@mantine/core';
import { ADOPTION_STATUSES, type Adoption, type AdoptionMatrix } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useUser } from '../../app/auth.ts';
import { notifyError } from '../../app/errors.ts';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useStateName } from '../directory/lookups.ts';
import { AdoptionForm } from './adoption-form.tsx';
import { adoptionsQuery, matrixQuery } from './api.ts';
import { ADOPTION_STYLE } from './labels.tsx';
import { ExportLinks } from './register-ui.tsx';
import { StandardFilterFields, type StandardFilters } from './standards-page.tsx';

type Row = AdoptionMatrix['rows'][number];

function Legend() {
  const { t } = useTranslation();
  return (
    <Group
      gap="md"
      component="ul"
      className="plenum-matrix-legend"
      aria-label={t('standards.legend')}
    >
      {ADOPTION_STATUSES.map((s) => (
        <li key={s}>
          <span
            className="plenum-matrix-swatch"
            style={{ background: ADOPTION_STYLE[s].bg, color: ADOPTION_STYLE[s].fg }}
            aria-hidden
          >
            {ADOPTION_STYLE[s].short}
          </span>
          <Text span size="sm">
            {t(`standards.adoption.${s}`)}
          </Text>
        </li>
      ))}
    </Group>
  );
}

/**
 * The adoption matrix: standards × member states as a heat map. Each cell has its colour and a
 * short mark (for readers who do not tell the colours apart) and names the status in full to
 * assistive technology; a click opens the record (the edit dialog when the caller may edit it).
 */
export function AdoptionMatrixPage(): JSX.Element {
  const { t } = useTranslation();
  const user = useUser();
  const stateName = useStateName();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/standards/$standardId' });
  const search = useSearch({ from: '/app/standards/$standardId' });
  const filters = {
    status: search.status,
    bodyId: search.bodyId,
    leadMemberState: search.leadMemberState,
    q: search.q,
  };
  const set = (patch: StandardFilters) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const matrix = useQuery(matrixQuery(filters));
  const [editing, setEditing] = useState<{ adoption: Adoption; designation: string } | null>(null);

  const mayEdit = (state: string, row: Row) =>
    row.standard.status !== 'withdrawn' &&
    (canWrite(user) || (user.role === 'delegate' && user.memberState === state));

  const open = async (state: string, row: Row) => {
    try {
      const list = await queryClient.fetchQuery(adoptionsQuery(row.standard.id));
      const adoption = list.items.find((a) => a.memberState === state);
      if (adoption) {
        setEditing({ adoption, designation: row.standard.designation });
      }
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('standards.matrix')}
        crumbs={[{ label: t('standards.title'), to: '/standards' }]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <StandardFilterFields search={search} set={set} />
        <Group mt="sm">
          <ExportLinks path="/standards/adoption-matrix" query={filters} />
        </Group>
      </Paper>
      <Legend />
      {matrix.isPending ? (
        <PageLoader />
      ) : matrix.isError ? (
        <LoadError error={matrix.error} retry={() => matrix.refetch()} />
      ) : matrix.data.rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('common.noResults')}
        </Text>
      ) : (
        <div className="plenum-matrix-scroll">
          <table className="plenum-matrix">
            <caption className="plenum-matrix-caption">{t('standards.matrix')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('standards.standard')}</th>
                {matrix.data.memberStates.map((code) => (
                  <th key={code} scope="col" title={stateName(code)}>
                    <abbr title={stateName(code)}>{code}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.data.rows.map((row) => (
                <tr key={row.standard.id}>
                  <th scope="row">
                    <Link to="/standards/$standardId" params={{ standardId: row.standard.id }}>
                      {row.standard.designation}
                    </Link>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      <LText value={row.standard.title} />
                    </Text>
                  </th>
                  {row.cells.map((cell, i) => {
                    const state = matrix.data.memberStates[i] ?? '';
                    const style = ADOPTION_STYLE[cell.status];
                    const label = `${stateName(state)}: ${t(`standards.adoption.${cell.status}`)}`;
                    const content = (
                      <>
                        <span aria-hidden>{style.short}</span>
                        <span className="plenum-matrix-sr">{label}</span>
                      </>
                    );
                    return (
                      <td
                        key={state}
                        style={{ background: style.bg, color: style.fg }}
                        title={[label, cell.nationalReference, cell.effectiveDate]
                          .filter(Boolean)
                          .join(' · ')}
                      >
                        {mayEdit(state, row) ? (
                          <button
                            type="button"
                            className="plenum-matrix-cell"
                            onClick={() => open(state, row)}
                          >
                            {content}
                          </button>
                        ) : (
                          <Link
                            className="plenum-matrix-cell"
                            to="/standards/$standardId"
                            params={{ standardId: row.standard.id }}
                          >
                            {content}
                          </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('standards.totals')}</th>
                {matrix.data.totals.map((c) => (
                  <td key={c.memberState} className="plenum-matrix-total">
                    <span
                      title={t('standards.totalsOf', {
                        state: stateName(c.memberState),
                        adopted: c.adopted,
                        reservations: c.adoptedWithReservations,
                        not: c.notAdopted,
                        pending: c.pending,
                      })}
                    >
                      {c.adopted + c.adoptedWithReservations}/
                      {c.adopted + c.adoptedWithReservations + c.notAdopted + c.pending}
                    </span>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {matrix.data?.truncated && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('standards.truncated')}
        </Text>
      )}
      {editing && (
        <AdoptionForm
          adoption={editing.adoption}
          designation={editing.designation}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
