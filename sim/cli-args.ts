import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { faultConfigSchema } from './faults';
import type { ApiUser, FaultConfig, SimulatorOptions } from './types';

export const USAGE = `Usage: npm run sim -- --port 4010 --api-user <apiKey>=<public key PEM path> [--api-user ...]
  [--host 127.0.0.1] [--seed N] [--workspace demo|large] [--approve-ms N] [--complete-ms N]
  [--forbid-api-users] [--forbid-audit-logs] [--audit-log-page-size N]
  fault flags (apply to every /v1 request until cleared via DELETE /_sim/faults):
  [--fault-latency-ms N] [--fault-status N] [--fault-retry-after N] [--fault-drop] [--fault-drop-after-handling]
  [--fault-malformed-json]
  [--fault-times N] [--fault-method M] [--fault-path /v1/prefix]`;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer`);
  return Number(value);
}

function apiUser(spec: string): ApiUser {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1)
    throw new Error(`--api-user expects <apiKey>=<path to public key PEM>, got "${spec}"`);
  const path = spec.slice(eq + 1);
  try {
    return { apiKey: spec.slice(0, eq), publicKeyPem: readFileSync(path, 'utf8') };
  } catch {
    throw new Error(`--api-user: cannot read ${path}`);
  }
}

/** argv (after the script) -> simulator options; throws Error with a message fit for the terminal. */
export function parseCliArgs(argv: string[]): SimulatorOptions {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-user': { type: 'string', multiple: true },
      seed: { type: 'string' },
      workspace: { type: 'string' },
      'forbid-api-users': { type: 'boolean' },
      'forbid-audit-logs': { type: 'boolean' },
      'audit-log-page-size': { type: 'string' },
      'approve-ms': { type: 'string' },
      'complete-ms': { type: 'string' },
      'fault-latency-ms': { type: 'string' },
      'fault-status': { type: 'string' },
      'fault-retry-after': { type: 'string' },
      'fault-drop': { type: 'boolean' },
      'fault-drop-after-handling': { type: 'boolean' },
      'fault-malformed-json': { type: 'boolean' },
      'fault-times': { type: 'string' },
      'fault-method': { type: 'string' },
      'fault-path': { type: 'string' },
    },
  });
  const users = (v['api-user'] ?? []).map(apiUser);
  if (users.length === 0) throw new Error('at least one --api-user is required');
  const workspace = v.workspace;
  if (workspace !== undefined && workspace !== 'demo' && workspace !== 'large')
    throw new Error('--workspace must be demo or large');
  const auditLogPageSize = int('audit-log-page-size', v['audit-log-page-size']);
  if (auditLogPageSize !== undefined && !(auditLogPageSize >= 1 && auditLogPageSize <= 1000))
    throw new Error('--audit-log-page-size must be from 1 to 1000');
  const approveMs = int('approve-ms', v['approve-ms']);
  const completeMs = int('complete-ms', v['complete-ms']);
  const fault: FaultConfig = {
    latencyMs: int('fault-latency-ms', v['fault-latency-ms']),
    status: int('fault-status', v['fault-status']),
    retryAfterSec: int('fault-retry-after', v['fault-retry-after']),
    drop: v['fault-drop'],
    dropAfterHandling: v['fault-drop-after-handling'],
    malformedJson: v['fault-malformed-json'],
    times: int('fault-times', v['fault-times']),
    match:
      v['fault-method'] || v['fault-path'] ? { method: v['fault-method'], pathPrefix: v['fault-path'] } : undefined,
  };
  const hasFault = Object.values(fault).some((x) => x !== undefined);
  const parsedFault = hasFault ? faultConfigSchema.safeParse(JSON.parse(JSON.stringify(fault))) : undefined;
  if (parsedFault && !parsedFault.success)
    throw new Error(`invalid fault flags: ${z.prettifyError(parsedFault.error)}`);
  return {
    port: int('port', v.port) ?? 4010,
    host: v.host,
    apiUsers: users,
    seed: int('seed', v.seed),
    workspace,
    auditLogPageSize,
    forbidden:
      v['forbid-api-users'] || v['forbid-audit-logs']
        ? { apiUsers: v['forbid-api-users'] ?? false, auditLogs: v['forbid-audit-logs'] ?? false }
        : undefined,
    delays:
      approveMs !== undefined || completeMs !== undefined
        ? { approveMs: approveMs ?? 2_000, completeMs: completeMs ?? 3_000 }
        : undefined,
    faults: parsedFault?.data,
  };
}
