// Every page of the standards and programs registers (loaded through ./pages.ts).
export { ProgramPage } from '../programs/program-page.tsx';
export { ProgramsPage } from '../programs/programs-page.tsx';
export { StandardOrMatrixPage } from './standard-page.tsx';
export { StandardsPage } from './standards-page.tsx';
