/**
 * Bounds concurrent fetches in all and per host: a host that hangs can hold at most `perHost`
 * slots, so fetches from other hosts (and the analyses waiting on them) go on meanwhile.
 */
export interface HostLimiter {
  /** runs `task` once a slot for `host` is free; the slot is released when it settles. */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  active(host?: string): number;
}

interface Waiter {
  host: string;
  start: () => void;
}

export function createHostLimiter(limits: { total: number; perHost: number }): HostLimiter {
  let total = 0;
  const perHost = new Map<string, number>();
  const waiting: Waiter[] = [];

  const hasRoom = (host: string) => total < limits.total && (perHost.get(host) ?? 0) < limits.perHost;
  const take = (host: string) => {
    total++;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
  };
  const release = (host: string) => {
    total--;
    const left = (perHost.get(host) ?? 1) - 1;
    if (left === 0) perHost.delete(host);
    else perHost.set(host, left);
    for (let i = 0; i < waiting.length; ) {
      const waiter = waiting[i];
      if (waiter && hasRoom(waiter.host)) {
        waiting.splice(i, 1);
        waiter.start();
      } else i++;
    }
  };

  return {
    run(host, task, signal) {
      return new Promise((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          take(host);
          task().then(resolve, reject).finally(() => release(host));
        };
        const waiter: Waiter = { host, start };
        const onAbort = () => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'));
        };
        if (signal?.aborted) return onAbort();
        if (hasRoom(host)) return start();
        waiting.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    active: (host) => (host === undefined ? total : (perHost.get(host) ?? 0)),
  };
}
