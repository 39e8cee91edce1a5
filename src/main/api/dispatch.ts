import type { ApiHandlers, ApiMethod, ApiOutput } from '../../core/api/contract';
import { parseApiInput } from '../../core/api/validate';

/** Validates the input against the contract, then runs the handler. Shared by IPC, HTTP RPC and every HTTP route. */
export async function dispatch<M extends ApiMethod>(handlers: ApiHandlers, method: M, rawInput: unknown): Promise<ApiOutput<M>> {
  const input = parseApiInput(method, rawInput);
  const handler: ApiHandlers[M] = handlers[method];
  return handler(input);
}
