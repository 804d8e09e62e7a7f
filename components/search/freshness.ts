/** "12 s ago", "3 min ago", "2 h ago": how old a walk of the workspace is, short enough to sit beside results. */
export function ageLabel(asOf: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(asOf)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
