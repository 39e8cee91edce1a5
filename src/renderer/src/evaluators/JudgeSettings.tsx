import { forwardRef, useImperativeHandle, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EvalSettingsView } from '../../../core/api/evaluators-contract';
import { apiQuery, useApiMutation, useApiQuery } from '../query/api-query';
import { errorText } from './store';

interface Draft {
  base_url: string;
  model: string;
  /** undefined: keep the stored key; null: clear it; a string: replace it. */
  api_key: string | null | undefined;
  concurrency: string;
  timeout_ms: string;
  max_retries: string;
}

const toDraft = (s: EvalSettingsView): Draft => ({
  base_url: s.base_url,
  model: s.model,
  api_key: undefined,
  concurrency: String(s.concurrency),
  timeout_ms: String(s.timeout_ms),
  max_retries: String(s.max_retries),
});

function keyState(key: EvalSettingsView['api_key']): string {
  if (key.from_env) return 'set by OPENAI_API_KEY in the environment';
  if (!key.set) return 'not set';
  return key.stored_in === 'os-keychain' ? 'set (sealed with the OS keychain)' : 'set (in config.json: no OS keychain here)';
}

/** What the Settings dialog's Save calls: resolves with an error message, or null when saved. */
export interface JudgeSettingsHandle {
  save(): Promise<string | null>;
}

/**
 * The LLM judge's connection: base URL, model, API key (write-only: only whether it is set, and
 * where it is kept, is shown), concurrency, timeout per request and retries. The dialog's Save
 * saves it with the rest; only what changed is sent. The fields hold the user's edits over the
 * cached read until saved.
 */
export const JudgeSettings = forwardRef<JudgeSettingsHandle>(function JudgeSettings(_props, ref) {
  const client = useQueryClient();
  // no event tells of settings changed elsewhere: read them again each time the dialog opens
  const { data: settings, error } = useApiQuery('getEvalSettings', {}, { refetchOnMount: 'always' });
  const update = useApiMutation('updateEvalSettings', { onSuccess: (saved) => client.setQueryData(apiQuery('getEvalSettings', {}).queryKey, saved) });
  const [edited, setDraft] = useState<Draft | null>(null);
  const draft = edited ?? (settings ? toDraft(settings) : null);
  const [status, setStatus] = useState<string | null>(null);

  const save = async (): Promise<string | null> => {
    if (!settings || !draft) return null;
    try {
      // Only what changed is sent: an untouched URL or model keeps following the environment.
      const text = (name: 'base_url' | 'model') => (draft[name].trim() === settings[name] ? undefined : draft[name].trim() || null);
      const number = (name: 'concurrency' | 'timeout_ms' | 'max_retries') => (Number(draft[name]) === settings[name] ? undefined : Number(draft[name]));
      await update.mutateAsync({
        base_url: text('base_url'),
        model: text('model'),
        api_key: draft.api_key === '' ? undefined : draft.api_key,
        concurrency: number('concurrency'),
        timeout_ms: number('timeout_ms'),
        max_retries: number('max_retries'),
      });
      setDraft(null);
      setStatus(null);
      return null;
    } catch (error) {
      setStatus(`LLM judge not saved: ${errorText(error)}`);
      return errorText(error);
    }
  };
  useImperativeHandle(ref, () => ({ save }));

  if (!settings || !draft) return <p className="muted small">{status ?? (error ? errorText(error) : 'Loading LLM judge settings…')}</p>;

  const field = (name: 'base_url' | 'model' | 'concurrency' | 'timeout_ms' | 'max_retries', label: string, type: 'text' | 'url' | 'number', hint?: string) => (
    <label className="secret-row">
      <span className="secret-name">{label}</span>
      <input type={type} aria-label={label} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      {hint && <span className="muted small">{hint}</span>}
    </label>
  );

  return (
    <fieldset className="judge-settings">
      <legend>LLM judge</legend>
      <p className="muted small">Any OpenAI-compatible endpoint. Empty fields fall back to OPENAI_BASE_URL and CALLSCOPE_EVAL_MODEL.</p>
      {field('base_url', 'Base URL', 'url')}
      {field('model', 'Model', 'text')}
      <label className="secret-row">
        <span className="secret-name">API key</span>
        <input
          type="password"
          autoComplete="off"
          aria-label="API key"
          placeholder={settings.api_key.from_env ? 'set by the environment' : settings.api_key.set ? '•••••••• (set; type to replace)' : 'not set'}
          disabled={settings.api_key.from_env}
          value={draft.api_key ?? ''}
          onChange={(e) => setDraft({ ...draft, api_key: e.target.value })}
        />
        {settings.api_key.set && !settings.api_key.from_env && (
          <button type="button" className="button small" onClick={() => setDraft({ ...draft, api_key: null })}>
            Clear key
          </button>
        )}
      </label>
      <p className="muted small" aria-label="API key state">
        Key: {draft.api_key === null ? 'will be cleared on save' : keyState(settings.api_key)}
      </p>
      {field('concurrency', 'Concurrency', 'number', 'requests at once')}
      {field('timeout_ms', 'Timeout (ms)', 'number', 'per request')}
      {field('max_retries', 'Retries', 'number', 'on 429, 5xx and timeouts, with backoff')}
      {status && <p className="error small">{status}</p>}
    </fieldset>
  );
});
