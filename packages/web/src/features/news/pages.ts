// The news pages as one lazy chunk: one import in the router (DESIGN §6 budget).
export { NewsEditPage, NewsNewPage } from './news-editor-page.tsx';
export { NewsListPage } from './news-list-page.tsx';
