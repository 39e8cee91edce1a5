/**
 * How the speech model's batch rows ("lanes") are filled: each lane runs several stretches one
 * after another, its state reset at each start, so a batch spends its steps on audio rather than
 * on the padding of rows whose stretch has ended. (Batches of stretches sorted by length used
 * 40 % of their row-steps on a 60-minute call; lanes use nearly all.)
 */
export interface LaneItem {
  /** the stretch's index in the caller's list. */
  index: number;
  /** the window (step) at which it starts in its lane. */
  startStep: number;
  windows: number;
}

export interface LanePlan {
  lanes: LaneItem[][];
  /** steps the batch runs: the longest lane. */
  steps: number;
}

/**
 * Longest first, each to the lane that ends soonest (LPT scheduling: within 4/3 of the best
 * makespan). As many lanes as it takes for the longest stretch to bound the steps, at most
 * `maxLanes`; more lanes than that would only add padding.
 */
export function planLanes(windowCounts: readonly number[], maxLanes: number): LanePlan {
  const total = windowCounts.reduce((sum, count) => sum + count, 0);
  const longest = Math.max(0, ...windowCounts);
  if (total === 0) return { lanes: [], steps: 0 };
  const laneCount = Math.max(1, Math.min(maxLanes, windowCounts.length, Math.ceil(total / longest)));
  const lanes: LaneItem[][] = Array.from({ length: laneCount }, () => []);
  const ends = new Array<number>(laneCount).fill(0);
  const order = windowCounts.map((_, i) => i).sort((a, b) => (windowCounts[b] ?? 0) - (windowCounts[a] ?? 0) || a - b);
  for (const index of order) {
    let lane = 0;
    for (let l = 1; l < laneCount; l++) if ((ends[l] ?? 0) < (ends[lane] ?? 0)) lane = l;
    const windows = windowCounts[index] ?? 0;
    lanes[lane]?.push({ index, startStep: ends[lane] ?? 0, windows });
    ends[lane] = (ends[lane] ?? 0) + windows;
  }
  return { lanes, steps: Math.max(...ends) };
}
