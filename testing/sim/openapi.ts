// Validates simulator responses against the OpenAPI subset with Ajv (a real JSON-schema validator). The
// document is sim/openapi/fireblocks-cosigners.openapi.json, the Cosigners (Beta) subset of Fireblocks'
// official OpenAPI document (docs/fireblocks.md), kept in the repo so CI needs nothing beside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

const SPEC_PATH = path.resolve(import.meta.dirname, '../../sim/openapi/fireblocks-cosigners.openapi.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;

// Response schemas are closed (additionalProperties: false) for the tests: the simulator must send nothing
// the subset does not define, so a client coded against the spec sees exactly what it expects.
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = closeObjects(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(closeObjects(spec) as Json, 'spec');

const validators = new Map<string, ValidateFunction>();
function validatorFor(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = ajv.getSchema(`spec${ref}`);
    if (!v) throw new Error(`no schema at ${ref}`);
    validators.set(ref, v);
  }
  return v;
}

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref: string } }>; headers?: Json }>;
}

/** The operation a request path hits, or undefined for paths outside the subset. */
function operationFor(method: string, pathWithQuery: string): Operation | undefined {
  const p = (pathWithQuery.split('?')[0] ?? '').replace(/^\/v1/, '');
  const paths = spec.paths as Record<string, Record<string, Operation>>;
  for (const [template, ops] of Object.entries(paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(p)) return ops[method.toLowerCase()];
  }
  return undefined;
}

export interface ResponseLike {
  status: number;
  headers: Headers | Record<string, string | undefined>;
  /** The raw body text. */
  text: string;
}

const getHeader = (h: ResponseLike['headers'], name: string): string | null | undefined =>
  h instanceof Headers ? h.get(name) : (h[name.toLowerCase()] ?? h[name]);

/** Problems with the response (empty = valid): body schema, declared headers, declared status. */
export function responseProblems(method: string, pathWithQuery: string, res: ResponseLike): string[] {
  const op = operationFor(method, pathWithQuery);
  const declared = op?.responses[String(res.status)];
  const resolved = declared ?? op?.responses.default ?? { $ref: '#/components/responses/Error' };
  const def = resolved.$ref
    ? (((spec.components as Json).responses as Json).Error as Operation['responses'][string])
    : resolved;
  const problems: string[] = [];
  if (res.status < 400 && !declared)
    problems.push(`status ${res.status} is not declared for ${method} ${pathWithQuery}`);
  for (const name of Object.keys(def.headers ?? {}))
    if (!getHeader(res.headers, name)) problems.push(`missing header ${name}`);
  const schemaRef = def.content?.['application/json']?.schema.$ref;
  if (!schemaRef) return problems;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return [...problems, 'body is not JSON'];
  }
  const validate = validatorFor(schemaRef.replace(/^#/, '#'));
  if (!validate(body))
    problems.push(...(validate.errors ?? []).map((e) => `${schemaRef}${e.instancePath} ${e.message ?? ''}`));
  return problems;
}
