import list from '@mantine/core/styles/List.css?inline';
import pill from '@mantine/core/styles/Pill.css?inline';
import pillsInput from '@mantine/core/styles/PillsInput.css?inline';
import progress from '@mantine/core/styles/Progress.css?inline';
import radio from '@mantine/core/styles/Radio.css?inline';

// The styles of these pages, as a style element: a CSS file of this lazy chunk would add its name to
// the first page's preload list (DESIGN §6 budget). Mantine's styles of the components that only
// these pages use (app/styles.ts leaves them out) come along the same way.
const OWN = `
/* Comparison of two versions: two columns on a wide screen, one above the other on a phone. */
.plenum-compare {
  border: 1px solid var(--mantine-color-gray-3);
  border-radius: var(--mantine-radius-sm);
  overflow: hidden;
}

.plenum-compare-head,
.plenum-compare-row {
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
}

.plenum-compare-head {
  background: var(--mantine-color-gray-1);
  font-weight: 600;
  font-size: var(--mantine-font-size-sm);
}

.plenum-compare-head > div,
.plenum-compare-side {
  padding: 4px 8px;
}

.plenum-compare-row {
  border-top: 1px solid var(--mantine-color-gray-2);
}

.plenum-compare-side {
  display: grid;
  grid-template-columns: 2.5rem minmax(0, 1fr);
  gap: 4px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-size: var(--mantine-font-size-sm);
  line-height: 1.55;
}

.plenum-compare-side + .plenum-compare-side {
  border-left: 1px solid var(--mantine-color-gray-2);
}

.plenum-compare-side[data-change="removed"] {
  background: var(--mantine-color-red-0);
}

.plenum-compare-side[data-change="added"] {
  background: var(--mantine-color-green-0);
}

.plenum-compare-side[data-empty] {
  background: var(--mantine-color-gray-0);
}

.plenum-compare-num {
  color: var(--mantine-color-gray-6);
  text-align: right;
  font-variant-numeric: tabular-nums;
  user-select: none;
}

/* Read by screen readers everywhere; shown on a phone, where the columns stack. */
.plenum-compare-tag {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

/* Removed words are struck through and added ones underlined: not told by colour alone. */
.plenum-compare del,
.plenum-legend-del {
  text-decoration: line-through;
  text-decoration-thickness: 2px;
  background: var(--mantine-color-red-2);
  color: var(--mantine-color-red-9);
}

.plenum-compare ins,
.plenum-legend-ins {
  text-decoration: underline;
  text-decoration-thickness: 2px;
  text-underline-offset: 2px;
  background: var(--mantine-color-green-2);
  color: var(--mantine-color-green-9);
}

@media (max-width: 48em) {
  .plenum-compare-head {
    display: none;
  }

  .plenum-compare-row {
    grid-template-columns: minmax(0, 1fr);
  }

  .plenum-compare-side + .plenum-compare-side {
    border-left: 0;
    border-top: 1px dashed var(--mantine-color-gray-3);
  }

  .plenum-compare-side[data-empty],
  .plenum-compare-row[data-same] .plenum-compare-side + .plenum-compare-side {
    display: none;
  }

  .plenum-compare-row[data-same] .plenum-compare-tag {
    display: none;
  }

  .plenum-compare-tag {
    position: static;
    width: auto;
    height: auto;
    overflow: visible;
    clip-path: none;
    display: inline;
    font-size: var(--mantine-font-size-xs);
    color: var(--mantine-color-gray-7);
    margin-right: 4px;
  }
}

.plenum-version-text {
  overflow-wrap: break-word;
}

.plenum-version-text :where(h1, h2, h3, h4) {
  font-size: var(--mantine-font-size-lg);
  margin: 0.8em 0 0.4em;
}

.plenum-version-text :where(p, ul, ol) {
  margin: 0 0 0.6em;
}
`;

export const DOCUMENT_CSS = [list, pill, pillsInput, progress, radio, OWN].join('\n');
