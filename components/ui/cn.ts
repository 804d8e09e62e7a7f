/** Joins class names, skipping falsy ones. (Small on purpose: no class-merging library on the list pages.) */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
