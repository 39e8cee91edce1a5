import { join } from 'node:path';
import { z } from 'zod';
import type { ApiParsedInput } from '../../core/api/contract';
import type { EvalSettingsView } from '../../core/api/evaluators-contract';
import { readStoredConfig, writeStoredConfig, type Config, type Environment } from '../config';
import type { SecretSealer } from '../secret-sealer';

/**
 * The LLM judge's connection (DESIGN §8): Settings, defaulting to OPENAI_BASE_URL, OPENAI_API_KEY
 * and CALLSCOPE_EVAL_MODEL. The key is write-only to the UI and never logged.
 */
export interface EvalSettings {
  base_url: string;
  model: string;
  api_key: string | null;
  concurrency: number;
  timeout_ms: number;
  max_retries: number;
}

/** Where the settings are read from: the saved config, the environment's defaults, and how the key is sealed. */
export interface EvalSettingsSource {
  config: Config;
  env: Environment;
  sealer: SecretSealer;
}

const storedSchema = z
  .object({
    base_url: z.string().optional(),
    model: z.string().optional(),
    api_key_sealed: z.string().optional(),
    // a hand-edited value out of range falls back to the default, not to a broken client
    concurrency: z.number().int().min(1).max(64).optional().catch(undefined),
    timeout_ms: z.number().int().positive().optional().catch(undefined),
    max_retries: z.number().int().min(0).max(10).optional().catch(undefined),
  })
  .catch({});

export const DEFAULT_EVAL = { base_url: 'https://api.openai.com/v1', model: 'gpt-4o-mini', concurrency: 4, timeout_ms: 60_000, max_retries: 3 } as const;

function stored(config: Config): z.infer<typeof storedSchema> {
  const raw: unknown = (readStoredConfig(join(config.dataDir, 'config.json')) as Record<string, unknown>).evaluation;
  return storedSchema.parse(raw ?? {});
}

/** The key saved in Settings, if it can be unsealed here. */
function savedKey(saved: z.infer<typeof storedSchema>, sealer: SecretSealer): string | null {
  if (!saved.api_key_sealed) return null;
  try {
    return sealer.unseal(saved.api_key_sealed) || null;
  } catch {
    return null; // sealed on another machine or by another user: treat as not set
  }
}

/** Settings first, the environment as the default (as for base URL and model). */
export function readEvalSettings({ config, env, sealer }: EvalSettingsSource): EvalSettings {
  const saved = stored(config);
  return {
    base_url: saved.base_url || env.OPENAI_BASE_URL || DEFAULT_EVAL.base_url,
    model: saved.model || env.CALLSCOPE_EVAL_MODEL || DEFAULT_EVAL.model,
    api_key: savedKey(saved, sealer) ?? (env.OPENAI_API_KEY || null),
    concurrency: saved.concurrency ?? DEFAULT_EVAL.concurrency,
    timeout_ms: saved.timeout_ms ?? DEFAULT_EVAL.timeout_ms,
    max_retries: saved.max_retries ?? DEFAULT_EVAL.max_retries,
  };
}

export function viewEvalSettings(source: EvalSettingsSource): EvalSettingsView {
  const settings = readEvalSettings(source);
  const fromEnv = settings.api_key !== null && savedKey(stored(source.config), source.sealer) === null;
  return {
    ...settings,
    api_key: { set: settings.api_key !== null, from_env: fromEnv, stored_in: source.sealer.kind },
  };
}

export function updateEvalSettings(source: EvalSettingsSource, patch: ApiParsedInput<'updateEvalSettings'>): EvalSettingsView {
  const { config, sealer } = source;
  const file = join(config.dataDir, 'config.json');
  const all = readStoredConfig(file);
  const next: Record<string, unknown> = { ...stored(config) };
  const setOrClear = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  };
  setOrClear('base_url', patch.base_url);
  setOrClear('model', patch.model);
  if (patch.api_key !== undefined) setOrClear('api_key_sealed', patch.api_key ? sealer.seal(patch.api_key) : null);
  for (const key of ['concurrency', 'timeout_ms', 'max_retries'] as const) {
    if (patch[key] !== undefined) next[key] = patch[key];
  }
  writeStoredConfig(file, { ...all, evaluation: next });
  return viewEvalSettings(source);
}
