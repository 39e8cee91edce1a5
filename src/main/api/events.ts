import type { ApiEventName, ApiEvents } from '../../core/api/types';

type Listener = <E extends ApiEventName>(name: E, payload: ApiEvents[E]) => void;

/** Fan-out of API events to the transports (IPC windows, SSE streams). */
export interface EventBus {
  emit<E extends ApiEventName>(name: E, payload: ApiEvents[E]): void;
  /** returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          // One broken subscriber (a closed window) must not stop the others.
          console.error(`callscope: event subscriber failed on ${name}:`, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
