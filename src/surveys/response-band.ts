/** The only view of a live wave's answers a convenor gets: how many, in bands of five. */
export function responseBand(count: number): string {
  if (!Number.isInteger(count) || count < 0) return "unknown";
  if (count < 5) return "fewer than 5";
  const low = Math.floor(count / 5) * 5;
  return `${low}–${low + 4}`;
}
