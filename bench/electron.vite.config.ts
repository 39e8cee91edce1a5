import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { nodeBundle } from '../electron.vite.config';

/**
 * `npm run bench` builds the bench on its own, after the app (it runs the built CLI and audio worker
 * from out/main), into out/bench: the app's build does not carry it.
 */
export default defineConfig({
  main: nodeBundle({ index: resolve(__dirname, 'index.ts') }, { outDir: resolve(__dirname, '../out/bench') }),
});
