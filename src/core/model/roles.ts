import type { Role } from './call';

/**
 * Speaker names used across platforms, mapped to our three roles (corpus README rule 6).
 * `null` means "not a turn" (system prompts, node transitions).
 */
const roleByName: Record<string, Role | null> = {
  bot: 'agent',
  assistant: 'agent',
  agent: 'agent',
  ai: 'agent',
  robot: 'agent',
  'main agent': 'agent',
  user: 'user',
  customer: 'user',
  caller: 'user',
  human: 'user',
  'testing agent': 'user',
  tool: 'tool',
  tool_calls: 'tool',
  tool_call_invocation: 'tool',
  function_call: 'tool',
  'function call': 'tool',
  'agent-action': 'tool',
  system: null,
  developer: null,
};

export type RoleLookup = { known: true; role: Role | null } | { known: false };

export function lookupRole(name: string): RoleLookup {
  const key = name.trim().toLowerCase();
  // own keys only: "__proto__" or "constructor" from a payload is no role
  return Object.hasOwn(roleByName, key) ? { known: true, role: roleByName[key] ?? null } : { known: false };
}

export const knownRoleNames = Object.keys(roleByName);

/**
 * The role of a turn: ours when the name is known (null: not a turn), else `other` keeping the
 * payload's name. An unknown speaker never sinks a call; it is shown as the payload names it.
 */
export function turnRole(name: string): { role: Role; raw_role?: string } | null {
  const lookup = lookupRole(name);
  if (!lookup.known) return { role: 'other', raw_role: name };
  return lookup.role === null ? null : { role: lookup.role };
}

/** Agent and user turns: the speech every timing figure is measured on. */
export function isSpoken(role: Role): role is 'agent' | 'user' {
  return role === 'agent' || role === 'user';
}
