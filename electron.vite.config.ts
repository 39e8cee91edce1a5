import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // the desktop shell (only file tree that imports 'electron')
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          // the command line: `callscope serve`, `callscope import`
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // `npm run bench`: measures the real code paths (listener, store, importer)
          bench: resolve(__dirname, 'src/main/bench/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      sourcemap: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
