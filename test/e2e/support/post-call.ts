import { expect, type APIRequestContext } from '@playwright/test';
import type { ServeProcess } from '../serve-fixture';

/** One seed-000 message: `bot` / `user` with optional times in ms from call start. */
export interface SeedMessage {
  role: 'bot' | 'user';
  content: string;
  start_time?: number;
  end_time?: number;
}

export interface SeedCall {
  id: string;
  startedAt: string;
  messages: SeedMessage[];
  [extra: string]: unknown;
}

/** Posts a call through the seed-000 route (the way a platform would) and expects it stored. */
export async function postCall(request: APIRequestContext, serve: ServeProcess, call: SeedCall): Promise<void> {
  const response = await request.post(`${serve.baseUrl}/api/v1/observability/calls`, { headers: { 'X-API-KEY': serve.apiKey }, data: call });
  expect(response.status(), await response.text()).toBe(201);
}

/** Reads a path of the listener's API with the key, as JSON. */
export async function getJson<T = Record<string, unknown>>(request: APIRequestContext, serve: ServeProcess, path: string): Promise<T> {
  const response = await request.get(`${serve.baseUrl}${path}`, { headers: { 'X-API-KEY': serve.apiKey } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** A short timed conversation: the agent answers each caller turn `replyGapMs` later. */
export function timedConversation(turns: number, replyGapMs = 600): SeedMessage[] {
  const messages: SeedMessage[] = [];
  let at = 0;
  for (let i = 0; i < turns; i++) {
    const role = i % 2 === 0 ? 'bot' : 'user';
    messages.push({ role, content: role === 'bot' ? `Agent line ${i}` : `Caller line ${i}`, start_time: at, end_time: at + 2000 });
    at += 2000 + (role === 'user' ? replyGapMs : 400);
  }
  return messages;
}
