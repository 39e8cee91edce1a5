import type { ApiHandlers, ApiOutputs } from '../../core/api/contract';
import type { ApiMethod } from '../../core/api/methods';
import { parseApiInput } from '../../core/api/validate';

/** Validates the input against the contract, then runs the handler. Shared by IPC and HTTP RPC. */
export async function dispatch<M extends ApiMethod>(handlers: ApiHandlers, method: M, rawInput: unknown): Promise<ApiOutputs[M]> {
  const input = parseApiInput(method, rawInput);
  const handler: ApiHandlers[M] = handlers[method];
  return handler(input);
}
