import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // ESM-only: bundled into the CommonJS main build instead of required at run time.
      externalizeDeps: { exclude: ['mpg123-decoder'] },
      rollupOptions: {
        input: {
          // the desktop shell (only file tree that imports 'electron')
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          // the command line: `callscope serve`, `callscope import`
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // `npm run bench`: measures the real code paths (listener, store, importer)
          bench: resolve(__dirname, 'src/main/bench/index.ts'),
          // recording analysis off the main thread (decoding, voice activity, peaks)
          'audio-worker': resolve(__dirname, 'src/main/audio/worker.ts'),
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
