import { isApiMethod, type ApiHandlers, type ApiMethod, type ApiOutputs } from '../../core/api/contract';
import { ApiError } from '../../core/api/errors';
import { parseApiInput } from '../../core/api/validate';

/** Validates the input against the contract, then runs the handler. Shared by IPC, HTTP RPC and every HTTP route. */
export async function dispatch<M extends ApiMethod>(handlers: ApiHandlers, method: M, rawInput: unknown): Promise<ApiOutputs[M]> {
  const input = parseApiInput(method, rawInput);
  const handler: ApiHandlers[M] = handlers[method];
  return handler(input);
}

/** A method named by a transport (an IPC message, `POST /rpc/<method>`): a name the contract does not have is a 404. */
export async function dispatchByName(handlers: ApiHandlers, method: unknown, rawInput: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiError('not_found', `no API method "${String(method)}"`);
  return dispatch(handlers, method, rawInput);
}
