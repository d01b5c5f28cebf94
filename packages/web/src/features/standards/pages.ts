// The router's door to the standards and programs pages. It imports nothing but React: a lazy
// import in the router carries the list of every file its target imports into the first page
// (DESIGN §6 budget), so the pages themselves load one step later, from here.
import { lazy } from 'react';

const all = () => import('./all-pages.ts');

export const StandardsPage = lazy(() => all().then((m) => ({ default: m.StandardsPage })));
export const StandardPage = lazy(() => all().then((m) => ({ default: m.StandardOrMatrixPage })));
export const ProgramsPage = lazy(() => all().then((m) => ({ default: m.ProgramsPage })));
export const ProgramPage = lazy(() => all().then((m) => ({ default: m.ProgramPage })));
