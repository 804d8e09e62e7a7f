'use client';

import { useCallback, useId, useState } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import { auditFilterSchema, isFiltered, type AuditFilter } from '@/lib/audit/audit-api-schemas';
import { AUDIT_EVENT_KINDS } from '@/lib/audit/audit-event-schema';

import { useUrlBackedText } from '@/components/ui/use-url-backed-text';
import { isoToLocalInput, localInputToIso } from './audit-url-state';

export interface AuditFiltersProps {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}

const labelClass = 'text-xs font-medium text-zinc-700 dark:text-zinc-300';
const inputClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400';

type TextKey = 'actor' | 'cosignerId' | 'apiKeyId' | 'from' | 'to';

/**
 * The audit trail's filters. Each is checked with the API's own schema before it reaches the URL, so a value the
 * server would refuse is named here instead of loading an error; typing commits once it pauses.
 */
export function AuditFilters({ filter, onChange }: AuditFiltersProps) {
  const id = useId();
  const [error, setError] = useState<{ key: TextKey | 'kind'; message: string } | null>(null);

  const apply = useCallback(
    (key: TextKey | 'kind', value: string | undefined) => {
      const parsed = auditFilterSchema.safeParse({ ...filter, [key]: value });
      if (!parsed.success) {
        setError({ key, message: parsed.error.issues[0]?.message ?? 'invalid' });
        return;
      }
      setError(null);
      onChange(parsed.data);
    },
    [filter, onChange],
  );

  const [actor, setActor] = useUrlBackedText(
    filter.actor ?? '',
    useCallback((t: string) => apply('actor', t), [apply]),
  );
  const [cosignerId, setCosignerId] = useUrlBackedText(
    filter.cosignerId ?? '',
    useCallback((t: string) => apply('cosignerId', t), [apply]),
  );
  const [apiKeyId, setApiKeyId] = useUrlBackedText(
    filter.apiKeyId ?? '',
    useCallback((t: string) => apply('apiKeyId', t), [apply]),
  );
  const [from, setFrom] = useUrlBackedText(
    isoToLocalInput(filter.from),
    useCallback((t: string) => apply('from', localInputToIso(t)), [apply]),
  );
  const [to, setTo] = useUrlBackedText(
    isoToLocalInput(filter.to),
    useCallback((t: string) => apply('to', localInputToIso(t)), [apply]),
  );

  const field = (
    key: TextKey,
    label: string,
    value: string,
    set: (v: string) => void,
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
        onChange={(e) => set(e.target.value)}
        aria-invalid={error?.key === key || undefined}
        aria-describedby={error?.key === key ? `${id}-error` : undefined}
        className={inputClass}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );

  return (
    <form
      role="search"
      aria-label="Filter audit events"
      onSubmit={(e) => e.preventDefault()}
      className="border-b border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-kind`} className={labelClass}>
            Kind
          </label>
          <select
            id={`${id}-kind`}
            value={filter.kind ?? ''}
            onChange={(e) => apply('kind', e.target.value || undefined)}
            className={inputClass}
          >
            <option value="">All kinds</option>
            {AUDIT_EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        {field('actor', 'Actor (subject)', actor, setActor, { placeholder: 'e.g. alice' })}
        {field('cosignerId', 'Cosigner ID', cosignerId, setCosignerId)}
        {field('apiKeyId', 'API key ID', apiKeyId, setApiKeyId)}
        {field('from', 'From (your time)', from, setFrom, { type: 'datetime-local' })}
        {field('to', 'Before (your time)', to, setTo, { type: 'datetime-local' })}
      </div>
      <div className="mt-2 flex min-h-8 items-center justify-between gap-3">
        <p id={`${id}-error`} role={error ? 'alert' : undefined} className="text-sm text-red-700 dark:text-red-300">
          {error ? `${error.key === 'to' ? 'Before' : error.key}: ${error.message}` : ''}
        </p>
        {isFiltered(filter) && (
          <button
            type="button"
            className={buttonClass({ size: 'sm', variant: 'ghost' })}
            onClick={() => (setError(null), onChange({}))}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
