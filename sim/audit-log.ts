import { randomUUID } from 'node:crypto';

import type { SimAuditLogEntry } from './types';

// Fireblocks' workspace audit log as the simulator keeps it: what `GET /v1/management/audit_logs` pages through.
// Fireblocks does not document the event names or the subject of cosigner changes, so these are the simulator's
// own, kept in this one place; every subject of a key names its API key id and its cosigner's id, which is what a
// reader can match on.

/** Events the simulator records (the API's accepted writes, and changes made "in Fireblocks' console"). */
export const AUDIT_EVENTS = {
  handlerUpdateRequested: 'Co-Signer API key callback handler update requested',
  handlerUpdated: 'Co-Signer API key callback handler updated',
  handlerRemoved: 'Co-Signer API key callback handler removed',
  pairRequested: 'Co-Signer API key pairing requested',
  paired: 'Co-Signer API key paired',
  unpairRequested: 'Co-Signer API key unpairing requested',
  unpaired: 'Co-Signer API key unpaired',
  cosignerAdded: 'Co-Signer added',
  cosignerRenamed: 'Co-Signer renamed',
  cosignerArchived: 'Co-Signer archived',
} as const;

interface CosignerRef {
  id: string;
  name?: string;
}

const cosignerText = (c: CosignerRef) => (c.name ? `Co-Signer "${c.name}" (${c.id})` : `Co-Signer ${c.id}`);

/** `API key <apiKeyId> on Co-Signer "<name>" (<cosignerId>)`. */
export const keySubject = (c: CosignerRef, apiKeyId: string) => `API key ${apiKeyId} on ${cosignerText(c)}`;
export const cosignerSubject = (c: CosignerRef) => cosignerText(c);

/** What an entry is about and who did it; the log adds its id, times and tenant. */
export interface AuditLogEvent {
  atMs: number;
  user: string;
  userId: string;
  subject: string;
  event: string;
}

export type TimePeriod = 'DAY' | 'WEEK';
export const TIME_PERIOD_MS: Record<TimePeriod, number> = { DAY: 86_400_000, WEEK: 7 * 86_400_000 };

/** Entries older than the longest period can never be read again; past this many the oldest go too. */
const MAX_ENTRIES = 100_000;

interface AuditRecord {
  seq: number;
  entry: SimAuditLogEntry;
}

export class AuditLog {
  private records: AuditRecord[] = [];
  private seq = 0;

  constructor(private tenantId: string) {}

  add(e: AuditLogEvent): SimAuditLogEntry {
    const entry: SimAuditLogEntry = {
      id: randomUUID(),
      timestamp: e.atMs,
      createdAt: e.atMs,
      user: e.user,
      userId: e.userId,
      subject: e.subject,
      event: e.event,
      tenantId: this.tenantId,
    };
    // Entries arrive in time order (the seeded history oldest first at load, then live ones as they happen), so
    // `seq` is also recency: the page cursor points at a seq, and a new entry never moves an older one.
    this.records.push({ seq: ++this.seq, entry });
    const horizon = e.atMs - TIME_PERIOD_MS.WEEK;
    const firstKept = this.records.findIndex((r) => r.entry.timestamp >= horizon);
    if (firstKept > 0) this.records.splice(0, firstKept);
    if (this.records.length > MAX_ENTRIES) this.records.splice(0, this.records.length - MAX_ENTRIES);
    return entry;
  }

  /** Entries of the period ending now, newest first, as `{ seq, item }` for the cursor paging. */
  within(period: TimePeriod, nowMs: number): Array<{ seq: number; item: SimAuditLogEntry }> {
    const since = nowMs - TIME_PERIOD_MS[period];
    const out: Array<{ seq: number; item: SimAuditLogEntry }> = [];
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      if (!r || r.entry.timestamp < since) break;
      out.push({ seq: r.seq, item: r.entry });
    }
    return out;
  }

  list(): SimAuditLogEntry[] {
    return this.records.map((r) => ({ ...r.entry }));
  }

  clear(tenantId: string): void {
    this.records = [];
    this.tenantId = tenantId;
  }
}
