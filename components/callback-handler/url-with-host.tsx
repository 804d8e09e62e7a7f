import { cn } from '@/components/ui/cn';

export interface UrlWithHostProps {
  url: string;
  /** Mark the host (it differs from the other side). */
  highlightHost: boolean;
}

/** A URL in monospace with its host wrapped in <mark> when the host is what changed. */
export function UrlWithHost({ url, highlightHost }: UrlWithHostProps) {
  let parts: [string, string, string] | null = null;
  try {
    const u = new URL(url);
    const start = url.indexOf(u.host, u.protocol.length);
    if (start >= 0)
      parts = [url.slice(0, start), url.slice(start, start + u.host.length), url.slice(start + u.host.length)];
  } catch {
    parts = null;
  }
  const cls = 'font-mono text-xs break-all';
  if (!parts || !highlightHost) return <span className={cls}>{url || '—'}</span>;
  return (
    <span className={cls}>
      {parts[0]}
      <mark
        className={cn('rounded bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-700 dark:text-white')}
      >
        {parts[1]}
      </mark>
      {parts[2]}
    </span>
  );
}
