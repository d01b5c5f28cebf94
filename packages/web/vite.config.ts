import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // Every browser the workspace supports has <link rel="modulepreload"> (Safari since 17); the
    // polyfill for older ones would be part of the first page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page needs, in one long-cached file rather than dozens of small ones.
            {
              name: 'framework',
              test: /node_modules\/(react|react-dom|scheduler|@tanstack|i18next|react-i18next|use-sync-external-store)\//,
            },
          ],
        },
      },
      treeshake: {
        // The shared schemas are plain values built by Zod's factories: unused ones can go, so a page
        // that only needs pickText or a list of statuses does not carry Zod (DESIGN §6 budget).
        manualPureFunctions: ['z', 'localizedText', 'page', 'orderNode'],
        moduleSideEffects: (id) => !/packages\/shared\/|node_modules\/zod\//.test(id),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
