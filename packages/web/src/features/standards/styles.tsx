import pill from '@mantine/core/styles/Pill.css?inline';
import pillsInput from '@mantine/core/styles/PillsInput.css?inline';
import progress from '@mantine/core/styles/Progress.css?inline';
import radio from '@mantine/core/styles/Radio.css?inline';
import programs from '../programs/programs.css?inline';
import matrix from './matrix.css?inline';

// As a style element, like the documents' pages: a CSS file of a lazy chunk would add its name to
// the first page's preload list (DESIGN §6 budget). Mantine's styles of the components only these
// pages use (app/styles.ts leaves them out) come along.
const CSS = [progress, radio, pill, pillsInput, matrix, programs].join('\n');

/** The styles of the standards' and programs' pages. */
export function RegisterStyles() {
  return <style>{CSS}</style>;
}
