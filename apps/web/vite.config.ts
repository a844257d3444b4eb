import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs as its own process; proxying keeps `/trpc` on
// the page's origin, as it is when the server hosts the built SPA.
const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  plugins: [react()],
  // ES module workers may import lazily: the photo worker loads libheif
  // only when a HEIC photo comes (the default, iife, inlines it).
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/trpc': `http://127.0.0.1:${apiPort}`,
    },
  },
});
