import { SIM } from '../http/error-codes';
import { fail, type SimResponse } from '../http/response';
import type { CosignerRecord, KeyRecord } from '../store';
import type { RouteRequest, SimState } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: string): boolean => UUID.test(s);

export type Found<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

/** The path's cosigner: 400 when the id is not a UUID (the spec's format), 404 when unknown. */
export function findCosigner(state: SimState, req: RouteRequest): Found<CosignerRecord> {
  const id = req.params.cosignerId ?? '';
  if (!isUuid(id)) return { ok: false, response: fail(400, SIM.invalidPathParam, 'cosignerId must be a UUID') };
  const record = state.store.cosigners.get(id);
  return record
    ? { ok: true, value: record }
    : { ok: false, response: fail(404, SIM.cosignerNotFound, 'Cosigner not found') };
}

/** The path's cosigner and API key (paired to that cosigner), or the 400/404. */
export function findKey(state: SimState, req: RouteRequest): Found<{ cosigner: CosignerRecord; key: KeyRecord }> {
  const cosigner = findCosigner(state, req);
  if (!cosigner.ok) return cosigner;
  const key = state.store.getKey(cosigner.value.cosigner.id, req.params.apiKeyId ?? '');
  if (!key) return { ok: false, response: fail(404, SIM.apiKeyNotFound, 'API key not found') };
  return { ok: true, value: { cosigner: cosigner.value, key } };
}
