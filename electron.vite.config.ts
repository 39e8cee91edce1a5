import { resolve } from 'node:path';
import { defineConfig, type MainViteConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** recording analysis off the main thread (decoding, voice activity, peaks) */
export const AUDIO_WORKER_ENTRY = { 'audio-worker': resolve(__dirname, 'src/main/audio/worker.ts') };
/** the heavy reads off the main thread: Compare's sets and bootstrap, the Overview's (src/main/reads/read-runner.ts finds it beside the bundle) */
export const READ_WORKER_ENTRY = { 'read-worker': resolve(__dirname, 'src/main/reads/read-worker.ts') };

/**
 * A Node bundle of `input` built the way the main process is. The bench's build
 * (bench/electron.vite.config.ts) and the tests' audio-worker build use it too, so all three bundle alike.
 */
export function nodeBundle(input: Record<string, string>, output: { outDir?: string; emptyOutDir?: boolean } = {}): MainViteConfig {
  return {
    build: {
      ...output,
      // ESM-only: bundled into the CommonJS main build instead of required at run time.
      externalizeDeps: { exclude: ['mpg123-decoder'] },
      rollupOptions: { input },
    },
  };
}

export default defineConfig({
  main: nodeBundle({
    // the desktop shell (only file tree that imports 'electron')
    index: resolve(__dirname, 'src/main/electron/main.ts'),
    // the command line: `callscope serve`, `callscope import`
    cli: resolve(__dirname, 'src/main/cli.ts'),
    ...AUDIO_WORKER_ENTRY,
    ...READ_WORKER_ENTRY,
  }),
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
