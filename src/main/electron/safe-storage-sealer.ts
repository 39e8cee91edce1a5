import { safeStorage } from 'electron';
import type { SecretSealer } from '../secret-sealer';

/**
 * The LLM key at rest, sealed with the OS keychain (Keychain, DPAPI, libsecret) through Electron's
 * safeStorage. Null when the OS offers no encryption (a bare Linux session): the default sealer
 * (config.json, 0600) stays, and Settings says where the key is kept.
 */
export function safeStorageSealer(): SecretSealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    kind: 'os-keychain',
    seal: (value) => `safe:${safeStorage.encryptString(value).toString('base64')}`,
    unseal: (sealed) => {
      if (!sealed.startsWith('safe:')) return sealed.startsWith('plain:') ? sealed.slice('plain:'.length) : sealed;
      return safeStorage.decryptString(Buffer.from(sealed.slice('safe:'.length), 'base64'));
    },
  };
}
