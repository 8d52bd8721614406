/** Touchpoints from NDJSON text (one JSON object per line); unreadable lines are counted, not fatal. */
export function parseNdjson(text: string): { records: unknown[]; badLines: number[] } {
  const records: unknown[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) records.push(value);
      else badLines.push(index + 1);
    } catch {
      badLines.push(index + 1);
    }
  });
  return { records, badLines };
}
