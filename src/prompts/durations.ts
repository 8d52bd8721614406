const UNITS: Array<[string, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "2 days", "5 hours": the largest whole unit. Elapsed time rounds down, time left rounds up. */
export function span(ms: number, round: (value: number) => number = Math.floor): string {
  const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? UNITS[3]!;
  const count = round(ms / size);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
