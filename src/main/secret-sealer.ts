/**
 * How secrets at rest (the LLM key) are sealed. The desktop shell passes openApp one backed by
 * Electron's safeStorage (OS keychain); `callscope serve` and tests use `configFileSealer`, which
 * stores the value in config.json (mode 0600) and says so, so the UI can tell the user where the
 * key lives.
 */
export interface SecretSealer {
  kind: 'os-keychain' | 'config-file';
  seal(value: string): string;
  unseal(sealed: string): string;
}

export const configFileSealer: SecretSealer = {
  kind: 'config-file',
  seal: (value) => `plain:${value}`,
  unseal: (sealed) => (sealed.startsWith('plain:') ? sealed.slice('plain:'.length) : sealed),
};
