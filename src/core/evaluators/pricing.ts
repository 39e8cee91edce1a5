/**
 * USD per million tokens (input, output) of models people commonly point judges at; a model not
 * listed costs null (unknown), never a guess. Local servers are free by their nature, so cost is
 * only as good as this table — it is shown as an estimate.
 */
const PRICES: Record<string, [number, number]> = {
  'gpt-4o': [2.5, 10],
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-5': [1.25, 10],
  'gpt-5-mini': [0.25, 2],
  'gpt-5-nano': [0.05, 0.4],
};

export function estimateCostUsd(model: string, promptTokens: number | null, completionTokens: number | null): number | null {
  const price = PRICES[model] ?? PRICES[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price || promptTokens === null || completionTokens === null) return null;
  return (promptTokens * price[0] + completionTokens * price[1]) / 1_000_000;
}
