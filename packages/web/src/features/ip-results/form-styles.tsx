import pill from '@mantine/core/styles/Pill.css?inline';
import pillsInput from '@mantine/core/styles/PillsInput.css?inline';
import radio from '@mantine/core/styles/Radio.css?inline';

// Mantine's styles of the components only this form uses (app/styles.ts leaves them out of the
// first page): inline, as features/documents does, so no CSS file joins the preload list.
const CSS = pill + pillsInput + radio;

export function FormStyles() {
  return <style>{CSS}</style>;
}
