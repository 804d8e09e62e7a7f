'use client';

import { useCallback, useId } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import { useUrlBackedText } from '@/components/ui/use-url-backed-text';
import { AUDIT_EVENT_KINDS } from '@/lib/audit/audit-event-schema';
import { AUDIT_KIND_LABELS } from '@/lib/audit/audit-kind-labels';

import { isoToLocalInput, localInputToIso, type AuditFilterProblem, type RawAuditFilter } from './audit-url-state';

export interface AuditFiltersProps {
  /** The filters as the URL holds them, valid or not. */
  raw: RawAuditFilter;
  problem: AuditFilterProblem | null;
  onChange: (raw: RawAuditFilter) => void;
}

const labelClass = 'text-xs font-medium text-zinc-700 dark:text-zinc-300';
const inputClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:aria-[invalid=true]:border-red-400';

type TextKey = 'actor' | 'cosigner' | 'apiKeyId' | 'changeId' | 'requestId' | 'from' | 'to';

/** Kinds by their words, alphabetically: what people look for. */
const KIND_OPTIONS = [...AUDIT_EVENT_KINDS].sort((a, b) => AUDIT_KIND_LABELS[a].localeCompare(AUDIT_KIND_LABELS[b]));

/**
 * The audit trail's filters. What is typed goes to the URL once typing pauses, valid or not: the trail then shows
 * only what matches or, when the server would refuse a filter, no rows and why (never the unfiltered rows beneath
 * an error). The cosigner field takes a name or an id's beginning; a `cosignerId` a link put in the URL shows there.
 */
export function AuditFilters({ raw, problem, onChange }: AuditFiltersProps) {
  const id = useId();
  const set = useCallback(
    (key: TextKey | 'kind', value: string | undefined) => {
      const next: RawAuditFilter = { ...raw, [key]: value?.trim() ? value : undefined };
      // The cosigner field replaces an id a link put in the address.
      if (key === 'cosigner') delete next.cosignerId;
      onChange(next);
    },
    [raw, onChange],
  );

  const [actor, setActor] = useUrlBackedText(
    raw.actor ?? '',
    useCallback((t: string) => set('actor', t), [set]),
  );
  const [cosigner, setCosigner] = useUrlBackedText(
    raw.cosigner ?? raw.cosignerId ?? '',
    useCallback((t: string) => set('cosigner', t), [set]),
  );
  const [apiKeyId, setApiKeyId] = useUrlBackedText(
    raw.apiKeyId ?? '',
    useCallback((t: string) => set('apiKeyId', t), [set]),
  );
  const [changeId, setChangeId] = useUrlBackedText(
    raw.changeId ?? '',
    useCallback((t: string) => set('changeId', t), [set]),
  );
  const [requestId, setRequestId] = useUrlBackedText(
    raw.requestId ?? '',
    useCallback((t: string) => set('requestId', t), [set]),
  );
  const [from, setFrom] = useUrlBackedText(
    isoToLocalInput(raw.from),
    useCallback((t: string) => set('from', localInputToIso(t)), [set]),
  );
  const [to, setTo] = useUrlBackedText(
    isoToLocalInput(raw.to),
    useCallback((t: string) => set('to', localInputToIso(t)), [set]),
  );

  const invalid = (key: TextKey | 'kind') =>
    problem?.key === key || (key === 'cosigner' && problem?.key === 'cosignerId');
  const field = (
    key: TextKey,
    label: string,
    value: string,
    onText: (v: string) => void,
    extra: { type?: string; placeholder?: string } = {},
  ) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`${id}-${key}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        type={extra.type ?? 'search'}
        value={value}
        placeholder={extra.placeholder}
        onChange={(e) => onText(e.target.value)}
        aria-invalid={invalid(key) || undefined}
        aria-describedby={invalid(key) ? `${id}-problem` : undefined}
        className={inputClass}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );

  const any = Object.values(raw).some(Boolean);
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      onSubmit={(e) => e.preventDefault()}
      className="border-b border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-kind`} className={labelClass}>
            Kind
          </label>
          <select
            id={`${id}-kind`}
            value={raw.kind ?? ''}
            onChange={(e) => set('kind', e.target.value || undefined)}
            aria-invalid={invalid('kind') || undefined}
            aria-describedby={invalid('kind') ? `${id}-problem` : undefined}
            className={inputClass}
          >
            <option value="">All kinds</option>
            {KIND_OPTIONS.map((k) => (
              <option key={k} value={k}>
                {AUDIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {field('actor', 'Actor (name, email or subject)', actor, setActor, { placeholder: 'e.g. alice@example.com' })}
        {field('cosigner', 'Cosigner (name or ID)', cosigner, setCosigner, { placeholder: 'e.g. Treasury' })}
        {field('apiKeyId', 'API key ID', apiKeyId, setApiKeyId, { placeholder: 'its first characters' })}
        {field('changeId', 'Change ID', changeId, setChangeId, { placeholder: 'its first characters' })}
        {field('requestId', 'Request ID (console or Fireblocks)', requestId, setRequestId)}
        {field('from', 'From (your time)', from, setFrom, { type: 'datetime-local' })}
        {field('to', 'Before (your time)', to, setTo, { type: 'datetime-local' })}
      </div>
      <div className="mt-2 flex min-h-8 items-center justify-between gap-3">
        <p id={`${id}-problem`} role={problem ? 'alert' : undefined} className="text-sm text-red-700 dark:text-red-300">
          {problem ? `This filter cannot be used, so nothing is shown. ${problem.message}.` : ''}
        </p>
        {any && (
          <button type="button" className={buttonClass({ size: 'sm', variant: 'ghost' })} onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
