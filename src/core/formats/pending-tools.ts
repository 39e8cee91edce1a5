import type { Turn } from '../model/call';

/**
 * Tool calls still waiting for their result, for results that name only the tool (or nothing):
 * "the latest unanswered call of that name". Answered calls are dropped from the top of each stack
 * as they surface, so every lookup costs amortized O(1) and a transcript stays linear in its
 * length (issue 17: scanning the turn list once per result froze the listener for 35 s).
 */
export interface PendingToolCalls {
  /** a tool turn that expects a result. */
  add(turn: Turn): void;
  /** the latest unanswered call of this tool, or of any tool when `name` is null. */
  latest(name: string | null): Turn | undefined;
  /** the turn got its result (matched by id or by name): it no longer waits. */
  answer(turn: Turn): void;
}

export function pendingToolCalls(): PendingToolCalls {
  const answered = new Set<Turn>();
  const any: Turn[] = [];
  const byName = new Map<string, Turn[]>();

  const top = (stack: Turn[] | undefined): Turn | undefined => {
    if (!stack) return undefined;
    let last = stack[stack.length - 1];
    while (last !== undefined && answered.has(last)) {
      stack.pop();
      last = stack[stack.length - 1];
    }
    return last;
  };

  return {
    add(turn) {
      const name = turn.tool?.name;
      if (name === undefined) return;
      any.push(turn);
      const stack = byName.get(name);
      if (stack) stack.push(turn);
      else byName.set(name, [turn]);
    },
    latest: (name) => top(name === null ? any : byName.get(name)),
    answer(turn) {
      answered.add(turn);
    },
  };
}
