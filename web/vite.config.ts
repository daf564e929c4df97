import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  // The web app shares only contracts/ with the server (tsconfig.json's @contracts alias).
  resolve: { alias: { '@contracts': fileURLToPath(new URL('../contracts', import.meta.url)) } },
  // Nothing from the environment is baked into the bundle; runtime facts come from /api/v1/installation.
  envPrefix: 'PLEIN_WEB_BUILD_',
  // The server only serves /assets/* from web/dist, so nothing may live beside index.html.
  publicDir: false,
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // The CSP allows data: for images but not for fonts; emitting files keeps every asset type working.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
