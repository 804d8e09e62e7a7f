import { Fragment } from 'react';

import { cn } from './cn';

import styles from './url-with-host.module.css';

export interface UrlWithHostProps {
  url: string;
  /** Mark the host (it differs from the other side). */
  highlightHost?: boolean;
  className?: string;
}

/** The URL cut around its host (`https://`, `host:port`, the rest); null when it does not parse. */
function splitAtHost(url: string): [string, string, string] | null {
  try {
    const u = new URL(url);
    const start = url.indexOf(u.host, u.protocol.length);
    if (start < 0) return null;
    return [url.slice(0, start), url.slice(start, start + u.host.length), url.slice(start + u.host.length)];
  } catch {
    return null;
  }
}

/**
 * The host with a break opportunity after each dot, which the browser takes only when the host is longer than a
 * whole line (the host's style keeps it in one piece otherwise). Each label and its dot are one string: as separate
 * JSX children they would be separate text nodes with a `<!-- -->` marker between, three nodes more per dot in every
 * row of the keys table.
 */
function hostWithBreaks(host: string) {
  const labels = host.split('.');
  return labels.map((label, i) =>
    i < labels.length - 1 ? (
      <Fragment key={i}>
        {`${label}.`}
        <wbr />
      </Fragment>
    ) : (
      label
    ),
  );
}

/**
 * A URL in monospace that never breaks inside its host: the host stays on one line, and a line may break before it
 * (after the scheme), after it, or anywhere in the path. Only a host longer than the whole line (hosts may have 253
 * characters, a phone's line holds ~45) wraps, at its dots. No hooks: the keys table renders one per row. The host
 * is wrapped in <mark> when it is what changed.
 */
export function UrlWithHost({ url, highlightHost = false, className }: UrlWithHostProps) {
  const cls = cn(styles.url, className);
  const parts = splitAtHost(url);
  if (!parts) return <span className={cls}>{url || '—'}</span>;
  const host = hostWithBreaks(parts[1]);
  return (
    <span className={cls}>
      {parts[0]}
      {/* After the scheme, so that on a narrow screen the host moves to a line of its own rather than out of it. */}
      <wbr />
      <span className={styles.host}>
        {highlightHost ? (
          <mark className="rounded bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-700 dark:text-white">
            {host}
          </mark>
        ) : (
          host
        )}
      </span>
      <wbr />
      {parts[2]}
    </span>
  );
}
