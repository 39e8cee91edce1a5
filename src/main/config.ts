import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { byWebhookProvider, webhookProviderNames, type WebhookProviderName } from '../core/api/types';
import { ensureDataDir, makeFilePrivate, PRIVATE_FILE_MODE } from './private-files';

/**
 * The process environment, as an entry point (cli, serve, the desktop shell) hands it to openApp:
 * nothing below the entry points reads `process.env` itself.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The data dir (DESIGN §1): `--data-dir`, else $CALLSCOPE_DATA_DIR, else ~/.callscope.
 * It holds callscope.db, media/ and config.json (which keeps the generated API key).
 */
export function resolveDataDir(explicit: string | undefined, env: Environment): string {
  return explicit ?? env.CALLSCOPE_DATA_DIR ?? join(homedir(), '.callscope');
}

const configSchema = z.looseObject({
  api_key: z.string().min(16).optional(),
  listener_port: z.number().int().min(0).max(65535).optional(),
  body_limit_bytes: z.number().int().min(1024).optional(),
  slow_reply_ms: z.number().int().min(100).max(60_000).optional(),
  api_secret: z.string().min(1).optional(),
  allowed_hosts: z.array(z.string().min(1)).optional(),
  recording_fetch_allow_hosts: z.array(z.string()).optional(),
  webhook_secrets: z.object(byWebhookProvider(() => z.string().optional())).optional(),
});
export type StoredConfig = z.infer<typeof configSchema>;

export interface Config {
  dataDir: string;
  dbFile: string;
  apiKey: string;
  /** where the key came from, so the UI can say "set by CALLSCOPE_API_KEY". */
  apiKeySource: 'env' | 'config';
  listenerPort: number;
  bodyLimitBytes: number;
  /** replies slower than this are flagged (amber markers, list highlight). */
  slowReplyMs: number;
  /** seed 004's X-API-SECRET: required beside the key when set. */
  apiSecret: string | null;
  /** per-provider webhook signing secrets (Settings, or CALLSCOPE_<PROVIDER>_SECRET). */
  webhookSecrets: Partial<Record<WebhookProviderName, string>>;
  /** Host names the listener answers to beside loopback and its bind address (`name` or `name:port`). */
  allowedHosts: string[];
  /** hosts a recording_url may point at although they are on this machine or a private network. */
  recordingFetchAllowHosts: string[];
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
export const DEFAULT_SLOW_REPLY_MS = 2000;

export function readStoredConfig(file: string): StoredConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = configSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a valid Callscope config: ${parsed.error.message}`);
  return parsed.data;
}

/** Writes via a temp file and rename, so a crash never leaves half a config. */
export function writeStoredConfig(file: string, config: StoredConfig): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  makeFilePrivate(temp);
  renameSync(temp, file);
}

export function loadConfig(dataDir: string, env: Environment): Config {
  ensureDataDir(dataDir);
  const file = join(dataDir, 'config.json');
  makeFilePrivate(file);
  const stored = readStoredConfig(file);
  const envKey = env.CALLSCOPE_API_KEY;
  let apiKey = stored.api_key;
  if (!envKey && !apiKey) {
    apiKey = `cs_${randomBytes(24).toString('base64url')}`;
    writeStoredConfig(file, { ...stored, api_key: apiKey });
  }
  return {
    dataDir,
    dbFile: join(dataDir, 'callscope.db'),
    apiKey: envKey || apiKey || '',
    apiKeySource: envKey ? 'env' : 'config',
    listenerPort: stored.listener_port ?? DEFAULT_PORT,
    bodyLimitBytes: stored.body_limit_bytes ?? DEFAULT_BODY_LIMIT,
    slowReplyMs: stored.slow_reply_ms ?? DEFAULT_SLOW_REPLY_MS,
    apiSecret: env.CALLSCOPE_API_SECRET || stored.api_secret || null,
    webhookSecrets: webhookSecrets(stored, env),
    allowedHosts: stored.allowed_hosts ?? [],
    recordingFetchAllowHosts: stored.recording_fetch_allow_hosts ?? [],
  };
}

/** Where the environment sets a provider's webhook secret (it wins over one saved in Settings). */
export function webhookSecretEnvName(provider: WebhookProviderName): string {
  return `CALLSCOPE_${provider.toUpperCase()}_SECRET`;
}

export function webhookSecrets(stored: StoredConfig, env: Environment): Config['webhookSecrets'] {
  const secrets: Config['webhookSecrets'] = {};
  for (const provider of webhookProviderNames) {
    const value = env[webhookSecretEnvName(provider)] || stored.webhook_secrets?.[provider];
    if (value) secrets[provider] = value;
  }
  return secrets;
}
