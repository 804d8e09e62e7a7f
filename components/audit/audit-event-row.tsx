'use client';

import { Fragment, useState } from 'react';
import Link from 'next/link';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Fingerprint } from '@/components/ui/fingerprint';
import { ChevronIcon } from '@/components/ui/inline-icons';
import { ExactTime } from '@/components/ui/relative-time';
import { rowClass, tdClass } from '@/components/ui/table-styles';
import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import { AUDIT_KIND_LABELS } from '@/lib/audit/audit-kind-labels';
import { actorAuditPath, changePath, cosignerPath, keyPagePath } from '@/lib/page-paths';

import { AUDIT_COLUMNS } from './audit-columns';

const linkClass = 'text-indigo-700 hover:underline dark:text-indigo-300';
const monoClass = 'font-mono text-xs text-zinc-700 dark:text-zinc-300';

function kindTone(kind: AuditEvent['kind']): BadgeTone {
  if (kind === 'sign_in_refused' || kind === 'change_failed' || kind === 'change_rejected' || kind === 'change_unknown')
    return 'danger';
  if (kind === 'change_completed') return 'success';
  if (kind.startsWith('sign_')) return 'neutral';
  return 'info';
}

/**
 * JSON text with its right-to-left and left-to-right controls written as `\u202E` escapes (still the same JSON): an
 * auditor reading a record must see such a control, not have it reorder the text.
 */
export function showControls(json: string): string {
  return json.replace(
    /\p{Bidi_Control}/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Wrapped rather than scrolled: long URLs and hashes read whole, and a scrolling box would need keyboard focus. */
function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</p>
      <pre className="rounded-md bg-zinc-50 p-2 text-xs whitespace-pre-wrap text-zinc-800 [overflow-wrap:anywhere] dark:bg-zinc-950 dark:text-zinc-200">
        {value === null ? 'null' : showControls(JSON.stringify(value, null, 2))}
      </pre>
    </div>
  );
}

/** The fingerprints a before/after snapshot carries (`publicKeyFingerprint`, `certPublicKeyHash`, ...), by name. */
function fingerprintsOf(side: string, value: unknown): Array<{ name: string; hex: string }> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
    /fingerprint|hash$/i.test(key) && typeof v === 'string' && v ? [{ name: `${side} ${key}`, hex: v }] : [],
  );
}

/** One event, and below it (when opened) everything it carries: before/after/detail and its place in the chain. */
export function AuditEventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const detailId = `audit-event-${event.seq}`;
  const a = event.actor;
  return (
    <Fragment>
      <tr className={rowClass}>
        <td data-label="Seq" className={tdClass}>
          <span className={monoClass}>{event.seq}</span>
        </td>
        <td data-label="Time" className={tdClass}>
          <ExactTime value={event.at} />
        </td>
        <td data-label="Kind" className={tdClass}>
          <Badge tone={kindTone(event.kind)}>
            <span title={event.kind}>{AUDIT_KIND_LABELS[event.kind]}</span>
          </Badge>
        </td>
        <td data-label="Actor" className={tdClass}>
          {a ? (
            <span className="flex flex-col">
              <bdi>{a.name ?? a.email ?? a.sub}</bdi>
              <Link
                href={actorAuditPath(a.sub)}
                className={`${monoClass} hover:underline`}
                title={`Only events by ${a.sub}`}
              >
                {a.sub}
              </Link>
            </span>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">the console</span>
          )}
        </td>
        <td data-label="Change" className={tdClass}>
          {event.changeId ? (
            <Link href={changePath(event.changeId)} className={`${linkClass} font-mono text-xs`}>
              {event.changeId.slice(0, 8)}
            </Link>
          ) : (
            '–'
          )}
        </td>
        <td data-label="Cosigner / key" className={tdClass}>
          {event.cosignerId ? (
            <span className="flex flex-col">
              <Link href={cosignerPath(event.cosignerId)} className={`${linkClass} font-mono text-xs`}>
                {event.cosignerId.slice(0, 8)}
              </Link>
              {event.apiKeyId && (
                <Link href={keyPagePath(event.cosignerId, event.apiKeyId)} className={`${linkClass} font-mono text-xs`}>
                  key {event.apiKeyId.slice(0, 8)}
                </Link>
              )}
            </span>
          ) : (
            '–'
          )}
        </td>
        <td data-label="Fireblocks ids" className={tdClass}>
          {event.fireblocksRequestId || event.fireblocksAsyncRequestId ? (
            <span className="flex flex-col">
              {event.fireblocksAsyncRequestId && (
                <span className={monoClass}>request {event.fireblocksAsyncRequestId}</span>
              )}
              {event.fireblocksRequestId && <span className={monoClass}>X-Request-ID {event.fireblocksRequestId}</span>}
            </span>
          ) : (
            '–'
          )}
        </td>
        <td className={tdClass}>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((o) => !o)}
            className="inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            <ChevronIcon direction="right" className={`h-3.5 w-3.5 transition-transform ${open ? 'rotate-90' : ''}`} />
            {open ? 'Hide' : 'Show'}
            <span className="sr-only"> event {event.seq}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailId} className="border-t border-zinc-100 dark:border-zinc-800">
          <td colSpan={AUDIT_COLUMNS.length} className="bg-white px-3 pb-4 dark:bg-zinc-900">
            <div className="grid gap-3 pt-2 md:grid-cols-3">
              <Json label="Before" value={event.before} />
              <Json label="After" value={event.after} />
              <Json label="Detail" value={event.detail} />
            </div>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {[...fingerprintsOf('Before', event.before), ...fingerprintsOf('After', event.after)].map((f) => (
                <Fragment key={f.name}>
                  <dt className="text-zinc-600 dark:text-zinc-400">{f.name}</dt>
                  <dd>
                    <Fingerprint value={f.hex} copyLabel={`Copy ${f.name}`} />
                  </dd>
                </Fragment>
              ))}
              <dt className="text-zinc-600 dark:text-zinc-400">Console request id</dt>
              <dd className={monoClass}>{event.requestId ?? '–'}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Actor</dt>
              <dd className={monoClass}>
                {a ? `${a.iss} · ${a.sub} · ${a.email ?? 'no email'} · ${a.role ?? 'no role'}` : 'the console'}
              </dd>
              <dt className="text-zinc-600 dark:text-zinc-400">prevHash</dt>
              <dd className={`${monoClass} break-all`}>{event.prevHash}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">hash</dt>
              <dd className={`${monoClass} break-all`}>{event.hash}</dd>
            </dl>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
