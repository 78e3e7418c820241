/** Edit distance between two words: insertions, deletions, substitutions and swapped neighbours. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known word a mistyped one most likely meant ("theme" → "themes", "--n" → "--n"), or undefined when none
 * is close: within a third of the word's length in edits, or the start of a known word.
 */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { word: string; score: number } | undefined;
  for (const candidate of known) {
    const score = distance(lower, candidate.toLowerCase());
    if (!best || score < best.score) best = { word: candidate, score };
  }
  if (!best) return undefined;
  const close = best.score <= Math.max(1, Math.floor(lower.length / 3));
  const prefix = lower.length >= 2 && known.filter((k) => k.toLowerCase().startsWith(lower)).length === 1;
  if (close) return best.word;
  return prefix ? known.find((k) => k.toLowerCase().startsWith(lower)) : undefined;
}
