import { useState } from 'react';
import { api } from '../api';

export const MASKED_KEY = '•'.repeat(16);

/**
 * The listener's API key, read only when the user clicks "Reveal" or "Copy" (the backend hands it
 * out only through `revealApiKey`; the desktop preload only within a click).
 */
export function useApiKey() {
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = async (): Promise<string> => {
    const { api_key: value } = await api.revealApiKey({});
    return value;
  };
  const toggle = async () => {
    if (key !== null) return setKey(null);
    try {
      setKey(await read());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { key, error, toggle, read };
}
