/** Shared table classes so both lists read the same. */
export const tableClass = 'w-full text-left text-sm';
export const theadClass =
  'bg-zinc-50 text-xs text-zinc-600 uppercase tracking-wide dark:bg-zinc-900/60 dark:text-zinc-400';
export const thClass = 'px-3 py-2.5 font-medium';
export const rowClass =
  'border-t border-zinc-100 align-middle hover:bg-zinc-50/70 dark:border-zinc-800 dark:hover:bg-zinc-800/40';
export const tdClass = 'px-3 py-3';
