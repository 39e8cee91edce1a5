/**
 * A counting semaphore for judge requests, shared by every run: two runs started together must not
 * send twice the concurrency the Settings allow. Each waiter brings the limit it was started with
 * (a Settings change applies to runs started after it).
 */
export interface Limiter {
  /** resolves with a release function once a slot is free; rejects when the signal aborts first. */
  acquire(limit: number, signal: AbortSignal): Promise<() => void>;
  active(): number;
}

interface Waiter {
  limit: number;
  grant: () => void;
}

export function createLimiter(): Limiter {
  let active = 0;
  const waiting: Waiter[] = [];

  const wake = () => {
    for (let i = 0; i < waiting.length; ) {
      const waiter = waiting[i];
      if (waiter && active < waiter.limit) {
        waiting.splice(i, 1);
        waiter.grant();
      } else i++;
    }
  };

  const release = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      wake();
    };
  };

  return {
    acquire(limit, signal) {
      if (signal.aborted) return Promise.reject(new Error('cancelled'));
      if (active < limit && waiting.length === 0) {
        active++;
        return Promise.resolve(release());
      }
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(new Error('cancelled'));
        };
        const waiter: Waiter = {
          limit,
          grant: () => {
            signal.removeEventListener('abort', onAbort);
            active++;
            resolve(release());
          },
        };
        waiting.push(waiter);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    active: () => active,
  };
}
