import type { ImplementationSummary } from '@plenum/shared';
import { use } from 'react';
import { loadPageStrings } from '../../app/page-strings.ts';
import SummaryCharts from '../implementation/summary-charts.tsx';
import OverdueMeasuresPanel from './overdue-panel.tsx';

/**
 * What the dashboard shows below its lists: the overdue program measures, then the charts by state
 * and by body. One lazy chunk for both, so the panel adds no import of its own to the first page
 * (DESIGN §6 budget). The panel's strings are among the pages' strings: it waits for them.
 */
export default function DashboardExtras({ summary }: { summary: ImplementationSummary }) {
  use(loadPageStrings());
  return (
    <>
      <OverdueMeasuresPanel />
      <SummaryCharts summary={summary} />
    </>
  );
}
