import { join } from 'node:path';
import type { Settings, SettingsPatch, WebhookProviderName } from '../core/api/types';
import { normalizeHost } from '../core/address/trusted-hosts';
import { readStoredConfig, writeStoredConfig, webhookSecrets, type Config } from './config';

/**
 * Settings the UI shows and edits. Secrets are write-only: the UI learns whether one is set and
 * where from, never its value. A secret set in the environment wins over one saved here.
 */
const providers: readonly WebhookProviderName[] = ['retell', 'elevenlabs', 'bland', 'vapi'];

function envName(provider: WebhookProviderName): string {
  return `CALLSCOPE_${provider.toUpperCase()}_SECRET`;
}

export function readSettings(config: Config, listenerUrl: string | null): Settings {
  const secret = (p: WebhookProviderName) => ({ set: Boolean(config.webhookSecrets[p]), from_env: Boolean(process.env[envName(p)]) });
  return {
    data_dir: config.dataDir,
    listener_url: listenerUrl,
    api_key_source: config.apiKeySource,
    listener_port: config.listenerPort,
    body_limit_bytes: config.bodyLimitBytes,
    slow_reply_ms: config.slowReplyMs,
    webhook_secrets: { retell: secret('retell'), elevenlabs: secret('elevenlabs'), bland: secret('bland'), vapi: secret('vapi') },
    recording_fetch_allow_hosts: [...config.recordingFetchAllowHosts],
  };
}

export function updateSettings(config: Config, patch: SettingsPatch, listenerUrl: string | null): Settings {
  const file = join(config.dataDir, 'config.json');
  const stored = readStoredConfig(file);
  const secrets = { ...(stored.webhook_secrets ?? {}) };
  for (const provider of providers) {
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
  config.webhookSecrets = webhookSecrets(next);
  config.slowReplyMs = next.slow_reply_ms ?? config.slowReplyMs;
  // the next fetch reads the trusted hosts afresh
  config.recordingFetchAllowHosts = next.recording_fetch_allow_hosts ?? [];
  return { ...readSettings(config, listenerUrl), body_limit_bytes: next.body_limit_bytes ?? config.bodyLimitBytes, listener_port: next.listener_port ?? config.listenerPort };
}
