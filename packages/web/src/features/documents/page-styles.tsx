import { DOCUMENT_CSS } from './styles.ts';

/** The styles of the documents' and consultations' pages (see styles.ts). */
export function PageStyles() {
  return <style>{DOCUMENT_CSS}</style>;
}
