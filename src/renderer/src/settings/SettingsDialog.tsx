import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { WebhookProviderName } from '../../../core/api/types';
import { ApiCallError } from '../api';
import { apiQuery, useApiMutation, useApiQuery } from '../query/api-query';
import { JudgeSettings, type JudgeSettingsHandle } from '../evaluators/JudgeSettings';
import { CopyButton } from '../shared/CopyButton';
import { MASKED_KEY, useApiKey } from '../shared/useApiKey';

const providers: { id: WebhookProviderName; label: string; hint: string }[] = [
  { id: 'retell', label: 'Retell', hint: 'the API key with the webhook badge (x-retell-signature)' },
  { id: 'elevenlabs', label: 'ElevenLabs', hint: 'the webhook shared secret (ElevenLabs-Signature)' },
  { id: 'bland', label: 'Bland', hint: 'the webhook signing secret (X-Webhook-Signature)' },
  { id: 'vapi', label: 'Vapi', hint: 'the server credential (X-Vapi-Secret or Bearer)' },
];

/**
 * Settings: webhook signing secrets (write-only: the dialog shows whether one is set, never its
 * value), the listener port and the body limit (both apply at the next start), and the LLM judge.
 * The settings are one cached read (the slow-reply threshold elsewhere is the same read); the
 * fields hold the user's edits over it until saved.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  // no event tells of settings changed elsewhere: read them again each time the dialog opens
  const { data: settings, error } = useApiQuery('getSettings', {}, { refetchOnMount: 'always' });
  const update = useApiMutation('updateSettings', { onSuccess: (saved) => client.setQueryData(apiQuery('getSettings', {}).queryKey, saved) });
  const [secrets, setSecrets] = useState<Partial<Record<WebhookProviderName, string | null>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [slowReplyEdit, setSlowReply] = useState<string | null>(null);
  const [trustedHostsEdit, setTrustedHosts] = useState<string | null>(null);
  const slowReply = slowReplyEdit ?? String(settings?.slow_reply_ms ?? '');
  const trustedHosts = trustedHostsEdit ?? settings?.recording_fetch_allow_hosts.join(', ') ?? '';
  const judge = useRef<JudgeSettingsHandle>(null);
  const apiKey = useApiKey();

  useEffect(() => dialog.current?.showModal(), []);

  const save = async () => {
    try {
      const threshold = Number(slowReply);
      const hosts = trustedHosts
        .split(/[\s,]+/)
        .map((host) => host.trim())
        .filter((host) => host.length > 0);
      await update.mutateAsync({
        webhook_secrets: secrets,
        recording_fetch_allow_hosts: hosts,
        ...(Number.isInteger(threshold) ? { slow_reply_ms: threshold } : {}),
      });
      // the hosts as the backend keeps them (normalised); the threshold as typed
      setTrustedHosts(null);
      setSecrets({});
      const judgeError = (await judge.current?.save()) ?? null;
      setStatus(judgeError ? 'Saved, except the LLM judge.' : 'Saved.');
    } catch (error) {
      const problems = error instanceof ApiCallError && error.fields ? error.fields.map((f) => f.message).join('; ') : null;
      setStatus(`Not saved: ${problems || (error instanceof Error ? error.message : String(error))}`);
    }
  };

  return (
    <dialog ref={dialog} className="settings" aria-label="Settings" onClose={onClose}>
      <h2>Settings</h2>
      {settings ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <p className="muted">
            Data <span className="mono">{settings.data_dir}</span> · listener <span className="mono">{settings.listener_url ?? 'not running'}</span> · body
            limit {Math.round(settings.body_limit_bytes / 1024 / 1024)} MiB
          </p>
          <div className="secret-row">
            <span className="secret-name">API key</span>
            <span className="mono" data-testid="settings-api-key">{apiKey.key ?? MASKED_KEY}</span>
            <button type="button" className="button small" onClick={() => void apiKey.toggle()}>
              {apiKey.key === null ? 'Reveal' : 'Hide'}
            </button>
            <CopyButton text={apiKey.read} label="Copy API key" />
            <span className="muted small">{settings.api_key_source === 'env' ? 'set by CALLSCOPE_API_KEY' : 'kept in config.json in the data folder'}</span>
            {apiKey.error && <span role="alert" className="error">{apiKey.error}</span>}
          </div>
          <label className="secret-row">
            <span className="secret-name">Slow reply</span>
            <input type="number" min={100} max={60000} step={100} aria-label="Slow reply threshold (ms)" value={slowReply} onChange={(e) => setSlowReply(e.target.value)} />
            <span className="muted small">ms: replies slower than this get an amber marker</span>
          </label>
          <label className="secret-row">
            <span className="secret-name">Trusted recording hosts</span>
            <input
              type="text"
              aria-label="Trusted recording hosts"
              placeholder="none: recordings on this machine or a private network are not fetched"
              value={trustedHosts}
              onChange={(e) => setTrustedHosts(e.target.value)}
            />
            <span className="muted small">host names, IPs or ranges (nas.local, 192.168.1.20, 10.0.0.0/8), comma-separated: a recording URL may point there</span>
          </label>
          <fieldset>
            <legend>Webhook signing secrets</legend>
            <p className="muted small">With a secret set, that platform's webhooks must carry a valid signature; without one, only this machine may post them.</p>
            {providers.map((p) => {
              const state = settings.webhook_secrets[p.id];
              return (
                <label key={p.id} className="secret-row">
                  <span className="secret-name">{p.label}</span>
                  <input
                    type="password"
                    autoComplete="off"
                    aria-label={`${p.label} webhook secret`}
                    placeholder={state.from_env ? 'set by the environment' : state.set ? '•••••••• (set; type to replace)' : p.hint}
                    disabled={state.from_env}
                    value={secrets[p.id] ?? ''}
                    onChange={(event) => setSecrets({ ...secrets, [p.id]: event.target.value })}
                  />
                  {state.set && !state.from_env && (
                    <button type="button" className="button small" onClick={() => setSecrets({ ...secrets, [p.id]: null })}>
                      Clear
                    </button>
                  )}
                </label>
              );
            })}
          </fieldset>
          <JudgeSettings ref={judge} />
          <div className="dialog-actions">
            {status && <span role="status">{status}</span>}
            <button type="submit" className="button">Save</button>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{status ?? error?.message ?? 'Loading…'}</p>
      )}
    </dialog>
  );
}
