import progress from '@mantine/core/styles/Progress.css?inline';

// The styles of the news pages, as a style element (a CSS file of a lazy chunk would add its name
// to the first page's preload list; DESIGN §6 budget), with Mantine's Progress that the first page
// leaves out. The preview follows the portal's look (server/src/public/styles.ts), scoped.
const OWN = `
@media (min-width: 62em) {
  .plenum-news-row {
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: "main status";
  }
}

.plenum-news-body textarea {
  font-family: var(--mantine-font-family-monospace);
  font-size: var(--mantine-font-size-sm);
}

.plenum-news-preview {
  --ink: #1b2330; --muted: #4a5568; --line: #d5dbe3; --navy: #0b2545; --accent: #8a5a00;
  --link: #0b4f9c;
  color: var(--ink);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", sans-serif;
  overflow-wrap: break-word;
  max-width: 46rem;
}

.plenum-news-preview :where(h1, h2, h3, h4) {
  font-family: Georgia, "Times New Roman", "Noto Serif", serif;
  font-weight: 700;
  line-height: 1.25;
  color: var(--navy);
  margin: 1.4em 0 0.6em;
}

.plenum-news-preview .pv-title {
  font-size: clamp(1.4rem, 1.1rem + 1.2vw, 2rem);
  margin-top: 0.2em;
}

.plenum-news-preview :where(p, ul, ol, blockquote, table) {
  margin: 0 0 1em;
}

.plenum-news-preview a {
  color: var(--link);
}

.plenum-news-preview img {
  max-width: 100%;
  height: auto;
}

.plenum-news-preview .pv-meta {
  color: var(--muted);
  font-size: 0.92rem;
  margin: 0 0 0.8rem;
}

.plenum-news-preview .pv-tag {
  display: inline-block;
  font-size: 0.78rem;
  font-weight: 600;
  letter-spacing: 0.03em;
  text-transform: uppercase;
  color: var(--accent);
  margin-right: 0.5rem;
}

.plenum-news-preview .pv-lead {
  font-size: 1.15rem;
  color: #2d3748;
}

.plenum-news-preview .pv-notice {
  border-left: 4px solid var(--accent);
  background: #fff8e6;
  padding: 0.6rem 1rem;
  margin: 0 0 1.25rem;
}

.plenum-news-preview .pv-plain {
  white-space: pre-wrap;
}

.plenum-news-preview blockquote {
  border-left: 4px solid var(--line);
  padding-left: 1rem;
}

.plenum-news-preview figure {
  margin: 1.25rem 0;
}
`;

/** The styles of the news pages (see above). */
export function NewsStyles() {
  return <style>{`${progress}\n${OWN}`}</style>;
}
