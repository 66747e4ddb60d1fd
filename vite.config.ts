// Vite build and dev-server setup for the web app: two pages (public portal, officials' console) under web/.
import { resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = resolve(import.meta.dirname, 'web');
const apiTarget = 'http://127.0.0.1:3000';

// The console is a client-routed app: any /console/* URL that is not a file gets its index.html,
// the same thing the server does in production.
const consoleFallback: Connect.NextHandleFunction = (req, _res, next) => {
  const url = req.url ?? '';
  const path = url.split('?')[0] ?? '';
  if (path === '/console' || (path.startsWith('/console/') && !path.slice(9).includes('.'))) {
    req.url = '/console/index.html';
  }
  next();
};

function consoleHistoryFallback(): Plugin {
  return {
    name: 'cau-noi-console-fallback',
    configureServer(server) {
      server.middlewares.use(consoleFallback);
    },
    configurePreviewServer(server) {
      server.middlewares.use(consoleFallback);
    },
  };
}

const proxy = {
  '/api': apiTarget,
  '/healthz': apiTarget,
  '/readyz': apiTarget,
};

export default defineConfig({
  root: webRoot,
  plugins: [react(), consoleHistoryFallback()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        portal: resolve(webRoot, 'index.html'),
        console: resolve(webRoot, 'console/index.html'),
      },
      output: {
        // React is shared by both faces: one well-named chunk that the browser caches once.
        // Ant Design is left to automatic splitting so each console page pulls only its components.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
