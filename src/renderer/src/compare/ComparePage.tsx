/** Compare two sets of calls (issue 15): A and B side by side with bootstrap intervals. */
export function ComparePage() {
  return (
    <main className="single compare" aria-label="Compare">
      <h2>Compare</h2>
    </main>
  );
}
