// Vite builds the web app into client/dist, which the Kith server serves at `/` (server/http/static-app.ts).
// `npm run dev` runs this dev server with the API behind a proxy, so the browser sees one origin.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const api = process.env.KITH_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/files': api,
      '/forms': api,
      '/exports': api,
      '/dev/outbox': api,
      '/healthz': api,
    },
  },
});
