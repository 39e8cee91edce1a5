/**
 * How secrets at rest (the LLM key) are sealed. The desktop shell installs one backed by Electron's
 * safeStorage (OS keychain); `callscope serve` and tests keep the default, which stores the value
 * in config.json (mode 0600) and says so, so the UI can tell the user where the key lives.
 */
export interface SecretSealer {
  kind: 'os-keychain' | 'config-file';
  seal(value: string): string;
  unseal(sealed: string): string;
}

const plainSealer: SecretSealer = {
  kind: 'config-file',
  seal: (value) => `plain:${value}`,
  unseal: (sealed) => (sealed.startsWith('plain:') ? sealed.slice('plain:'.length) : sealed),
};

let current: SecretSealer = plainSealer;

export function installSecretSealer(sealer: SecretSealer): void {
  current = sealer;
}

export function secretSealer(): SecretSealer {
  return current;
}
