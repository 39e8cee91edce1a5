import { defineConfig } from 'electron-vite';
import { AUDIO_WORKER_ENTRY, nodeBundle } from '../../electron.vite.config';

/**
 * Only the audio worker, into out/main beside the rest of the app's build (which it leaves in place):
 * what the integration tests need built, at a fraction of the whole build's cost.
 */
export default defineConfig({
  main: nodeBundle(AUDIO_WORKER_ENTRY, { emptyOutDir: false }),
});
