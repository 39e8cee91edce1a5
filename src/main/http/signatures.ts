import { createHmac } from 'node:crypto';
import type { WebhookProviderName } from '../../core/api/types';
import { safeEqual } from './auth';

/**
 * Webhook signature schemes of the providers (corpus FORMATS.md, `.headers.json` notes).
 * Each verifier gets the exact raw bytes, the request headers and the clock.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };
type Headers = Record<string, string | string[] | undefined>;

const RETELL_TOLERANCE_MS = 5 * 60 * 1000;
const ELEVENLABS_TOLERANCE_S = 30 * 60;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function hmacHex(secret: string, ...parts: (Buffer | string)[]): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest('hex');
}

function fields(value: string): Map<string, string> {
  return new Map(
    value.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
}

/** `x-retell-signature: v=<epoch ms>,d=<hex HMAC-SHA256(key, body + v)>`, |now - v| <= 5 min. */
function verifyRetell(body: Buffer, headers: Headers, secret: string, nowMs: number): Verdict {
  const value = header(headers, 'x-retell-signature');
  if (!value) return { ok: false, reason: 'missing x-retell-signature header' };
  const parts = fields(value);
  const v = parts.get('v');
  const d = parts.get('d');
  if (!v || !d || !/^\d+$/.test(v)) return { ok: false, reason: 'x-retell-signature is not "v=<ms>,d=<hex>"' };
  if (Math.abs(nowMs - Number(v)) > RETELL_TOLERANCE_MS) return { ok: false, reason: 'x-retell-signature timestamp is more than 5 minutes away from now' };
  return safeEqual(d, hmacHex(secret, body, v)) ? { ok: true } : { ok: false, reason: 'x-retell-signature does not match the body' };
}

/** `ElevenLabs-Signature: t=<epoch s>,v0=<hex HMAC-SHA256(secret, "t." + body)>`, t at most 30 min old. */
function verifyElevenLabs(body: Buffer, headers: Headers, secret: string, nowMs: number): Verdict {
  const value = header(headers, 'elevenlabs-signature');
  if (!value) return { ok: false, reason: 'missing ElevenLabs-Signature header' };
  const parts = fields(value);
  const t = parts.get('t');
  const v0 = parts.get('v0');
  if (!t || !v0 || !/^\d+$/.test(t)) return { ok: false, reason: 'ElevenLabs-Signature is not "t=<s>,v0=<hex>"' };
  const age = nowMs / 1000 - Number(t);
  if (age > ELEVENLABS_TOLERANCE_S || age < -ELEVENLABS_TOLERANCE_S) return { ok: false, reason: 'ElevenLabs-Signature timestamp is outside 30 minutes of now' };
  return safeEqual(v0, hmacHex(secret, `${t}.`, body)) ? { ok: true } : { ok: false, reason: 'ElevenLabs-Signature does not match the body' };
}

/** `X-Webhook-Signature: <hex HMAC-SHA256(signing secret, body)>` (no timestamp in Bland's scheme). */
function verifyBland(body: Buffer, headers: Headers, secret: string): Verdict {
  const value = header(headers, 'x-webhook-signature');
  if (!value) return { ok: false, reason: 'missing X-Webhook-Signature header' };
  return safeEqual(value.trim(), hmacHex(secret, body)) ? { ok: true } : { ok: false, reason: 'X-Webhook-Signature does not match the body' };
}

/** Vapi sends the configured credential itself: `X-Vapi-Secret` or `Authorization: Bearer`. */
function verifyVapi(_body: Buffer, headers: Headers, secret: string): Verdict {
  const legacy = header(headers, 'x-vapi-secret');
  const bearer = /^Bearer\s+(.+)$/i.exec(header(headers, 'authorization') ?? '')?.[1];
  const given = legacy ?? bearer;
  if (!given) return { ok: false, reason: 'missing X-Vapi-Secret or Authorization: Bearer header' };
  return safeEqual(given.trim(), secret) ? { ok: true } : { ok: false, reason: 'the Vapi credential does not match' };
}

export function verifyWebhook(provider: WebhookProviderName, body: Buffer, headers: Headers, secret: string, nowMs: number): Verdict {
  switch (provider) {
    case 'retell':
      return verifyRetell(body, headers, secret, nowMs);
    case 'elevenlabs':
      return verifyElevenLabs(body, headers, secret, nowMs);
    case 'bland':
      return verifyBland(body, headers, secret);
    case 'vapi':
      return verifyVapi(body, headers, secret);
  }
}
