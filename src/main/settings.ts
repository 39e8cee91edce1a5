import { join } from 'node:path';
import { byWebhookProvider, webhookProviderNames, type Settings, type SettingsPatch } from '../core/api/types';
import { normalizeHost } from '../core/address/trusted-hosts';
import { readStoredConfig, writeStoredConfig, webhookSecretEnvName, webhookSecrets, type Config, type Environment } from './config';

/**
 * Settings the UI shows and edits. Secrets are write-only: the UI learns whether one is set and
 * where from, never its value. A secret set in the environment wins over one saved here.
 */
export function readSettings(config: Config, env: Environment, listenerUrl: string | null): Settings {
  return {
    data_dir: config.dataDir,
    listener_url: listenerUrl,
    api_key_source: config.apiKeySource,
    listener_port: config.listenerPort,
    body_limit_bytes: config.bodyLimitBytes,
    slow_reply_ms: config.slowReplyMs,
    webhook_secrets: byWebhookProvider((p) => ({ set: Boolean(config.webhookSecrets[p]), from_env: Boolean(env[webhookSecretEnvName(p)]) })),
    recording_fetch_allow_hosts: [...config.recordingFetchAllowHosts],
  };
}

export function updateSettings(config: Config, env: Environment, patch: SettingsPatch, listenerUrl: string | null): Settings {
  const file = join(config.dataDir, 'config.json');
  const stored = readStoredConfig(file);
  const secrets = { ...(stored.webhook_secrets ?? {}) };
  for (const provider of webhookProviderNames) {
    const value = patch.webhook_secrets?.[provider];
    if (value === undefined) continue;
    if (value === null || value === '') delete secrets[provider];
    else secrets[provider] = value;
  }
  const next = {
    ...stored,
    webhook_secrets: secrets,
    ...(patch.body_limit_bytes !== undefined ? { body_limit_bytes: patch.body_limit_bytes } : {}),
    ...(patch.slow_reply_ms !== undefined ? { slow_reply_ms: patch.slow_reply_ms } : {}),
    ...(patch.listener_port !== undefined ? { listener_port: patch.listener_port } : {}),
    ...(patch.recording_fetch_allow_hosts !== undefined ? { recording_fetch_allow_hosts: [...new Set(patch.recording_fetch_allow_hosts.map(normalizeHost))] } : {}),
  };
  writeStoredConfig(file, next);
  // Secrets apply to the next request; port and body limit when the listener next starts.
  config.webhookSecrets = webhookSecrets(next, env);
  config.slowReplyMs = next.slow_reply_ms ?? config.slowReplyMs;
  // the next fetch reads the trusted hosts afresh
  config.recordingFetchAllowHosts = next.recording_fetch_allow_hosts ?? [];
  return { ...readSettings(config, env, listenerUrl), body_limit_bytes: next.body_limit_bytes ?? config.bodyLimitBytes, listener_port: next.listener_port ?? config.listenerPort };
}
