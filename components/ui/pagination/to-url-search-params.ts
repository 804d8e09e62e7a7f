/** What a Next page receives as `searchParams`. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** A page's searchParams as URLSearchParams (first value wins when a key repeats), for readPageState. */
export function toUrlSearchParams(record: SearchParamsRecord): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out.set(key, first);
  }
  return out;
}
