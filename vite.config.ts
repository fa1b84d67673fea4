// Builds the renderer (React UI) once for both hosts: Electron loads it over app://, the web build serves it over http.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export const viteConfig = defineConfig({
  root,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  publicDir: false,
  build: {
    // GP_OUT_DIR lets parallel test runs build into their own folder; the e2e harness reads the same variable.
    outDir: process.env.GP_OUT_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // GP_NO_MINIFY=1 keeps function names readable in CPU profiles of a bench build (never for a release).
    minify: process.env.GP_NO_MINIFY ? false : 'esbuild',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // A lazy chunk's script dependencies are not announced as <link rel="modulepreload"> elements: appending them (14
    // for the Settings screen) was 20–43 ms of the start's first task; the browser fetches them anyway as it reads the
    // chunk's imports, from local files. The entry's own (in index.html) and any stylesheet stay.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
  },
  worker: { format: 'es' },
  server: { fs: { allow: [projectRoot] } },
});

// Vite needs a default export to find the config.
export default viteConfig;
