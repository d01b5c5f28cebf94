import { createHash } from 'node:crypto';

/**
 * The portal's one stylesheet (served at a content-hashed address with a long cache life).
 * Colours meet WCAG AA contrast on their backgrounds; layout is one column up to tablet width.
 */
export const PORTAL_CSS = `
:root{--ink:#1b2330;--muted:#4a5568;--line:#d5dbe3;--paper:#fff;--wash:#f3f5f8;--navy:#0b2545;--navy2:#13315c;--accent:#8a5a00;--link:#0b4f9c;--focus:#ffbf47}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-kerning:normal;hyphens:auto;overflow-wrap:break-word}
h1,h2,h3{font-family:Georgia,"Times New Roman","Noto Serif",serif;font-weight:700;line-height:1.25;color:var(--navy);margin:1.6em 0 .6em}
h1{font-size:clamp(1.6rem,1.2rem + 1.8vw,2.3rem);margin-top:.4em}
h2{font-size:1.45rem}h3{font-size:1.15rem}
p,ul,ol,dl,table,blockquote{margin:0 0 1em}
a{color:var(--link);text-underline-offset:.18em}
a:hover{color:var(--navy)}
a:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px;background:var(--focus);color:#000;text-decoration:none}
img{max-width:100%;height:auto}
.skip{position:absolute;left:.5rem;top:-3rem;z-index:10;padding:.5rem 1rem;background:var(--focus);color:#000;font-weight:600}
.skip:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.masthead{background:var(--navy);color:#fff;border-bottom:4px solid var(--accent)}
.masthead .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding-top:.9rem;padding-bottom:.9rem}
.brand{display:flex;align-items:center;gap:.75rem;color:#fff;text-decoration:none;margin-right:auto;min-width:0}
.brand:hover{color:#fff}
.emblem{flex:none;width:2.5rem;height:2.5rem;border:2px solid #d9b25f;border-radius:50%;display:grid;place-items:center;font:700 1.3rem/1 Georgia,serif;color:#f1d58e}
.brand-name{font:600 1.05rem/1.3 Georgia,"Times New Roman",serif;max-width:34rem}
.lang{color:#fff;font-size:.95rem;border:1px solid #8ea4c8;border-radius:3px;padding:.25rem .6rem;text-decoration:none;white-space:nowrap}
.lang:hover{color:#fff;background:var(--navy2)}
.nav{background:var(--navy2)}
.nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.nav a{display:block;padding:.6rem .9rem;color:#fff;text-decoration:none;font-weight:500}
.nav a:hover{background:rgba(255,255,255,.12);color:#fff}
.nav a[aria-current=page]{box-shadow:inset 0 -3px 0 #d9b25f}
main{display:block;padding:1.5rem 0 3rem}
.crumbs{font-size:.9rem;color:var(--muted);margin:0 0 .5rem}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"›";margin-right:.35rem;color:var(--muted)}
.grid{display:grid;gap:2rem}
@media (min-width:56rem){.grid{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}}
.cards{list-style:none;margin:0;padding:0}
.cards li{border-top:1px solid var(--line);padding:1rem 0}
.cards li:first-child{border-top:0;padding-top:.25rem}
.cards h2,.cards h3{margin:.1rem 0 .35rem;font-size:1.12rem;line-height:1.35}
.cards h2 a,.cards h3 a{text-decoration:none;color:var(--navy)}
.cards h2 a:hover,.cards h3 a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.92rem;margin:0 0 .3rem}
.tag{display:inline-block;font-size:.78rem;font-weight:600;letter-spacing:.03em;text-transform:uppercase;color:var(--accent);margin-right:.5rem}
.panel{background:var(--wash);border:1px solid var(--line);border-radius:4px;padding:1rem 1.25rem}
.panel h2{margin-top:.2rem;font-size:1.25rem}
.tabs{list-style:none;margin:0 0 1.25rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tabs a{display:inline-block;padding:.3rem .8rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;font-size:.95rem}
.tabs a[aria-current=page]{background:var(--navy);border-color:var(--navy);color:#fff}
.article{max-width:46rem}
.article .lead{font-size:1.15rem;color:#2d3748}
.article figure{margin:1.25rem 0}
.article figcaption{font-size:.9rem;color:var(--muted)}
.prose h2,.prose h3{margin-top:1.4em}
.prose blockquote{border-left:4px solid var(--line);padding-left:1rem;color:#2d3748}
.prose table{border-collapse:collapse;width:100%}
.prose th,.prose td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left}
.notice{border-left:4px solid var(--accent);background:#fff8e6;padding:.6rem 1rem;margin:0 0 1.25rem}
.back{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:2rem 0 1rem;padding-top:1rem;border-top:1px solid var(--line)}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0}
.pager a{text-decoration:none}
.pager .older{margin-left:auto;text-align:right}
.adjacent{display:grid;gap:1rem;margin:1rem 0}
@media (min-width:40rem){.adjacent{grid-template-columns:1fr 1fr}.adjacent .older{text-align:right}}
.adjacent a{display:block;text-decoration:none}
.adjacent small{display:block;color:var(--muted)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.25rem;margin:0 0 1.5rem}
.facts dt{font-weight:600;color:var(--muted)}
.facts dd{margin:0}
.agenda{padding-left:0;list-style:none}
.agenda li{display:flex;gap:.75rem;padding:.45rem 0;border-bottom:1px solid var(--line)}
.agenda .pos{flex:none;min-width:2.5rem;font-weight:600;color:var(--navy)}
.agenda .d2{padding-left:1.5rem}.agenda .d3{padding-left:3rem}
.status{display:inline-block;padding:.1rem .55rem;border-radius:3px;font-size:.85rem;font-weight:600;background:#e6eef8;color:var(--navy)}
.status-cancelled{background:#fde8e8;color:#8a1c1c}
.site-footer{background:var(--wash);border-top:1px solid var(--line);padding:1.5rem 0;font-size:.92rem;color:var(--muted)}
.site-footer ul{list-style:none;padding:0;margin:0 0 .75rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.empty{color:var(--muted)}
@media (max-width:30rem){body{font-size:1rem}.brand-name{font-size:.95rem}.emblem{width:2.1rem;height:2.1rem}.facts{grid-template-columns:1fr}.facts dd{margin-bottom:.5rem}}
@media print{
.masthead,.nav,.skip,.lang,.site-footer,.pager,.adjacent,.back,.tabs{display:none!important}
body{font:11pt/1.45 Georgia,"Times New Roman",serif;color:#000}
main{padding:0}
a{color:#000;text-decoration:none}
.article a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
h1,h2,h3{color:#000;page-break-after:avoid}
.panel{border:0;background:none;padding:0}
.grid{display:block}
}
`
  .replace(/\n/g, '')
  .trim();

export const PORTAL_CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/assets/portal-${PORTAL_CSS_HASH}.css`;
