import { describe, expect, it } from 'vitest';

import { COSIGNER_PLAN } from '@/sim/seed-data/plan';

import { editGateOf, parseCosignerVersion, type GatedCosigner } from './edit-gate';

const live = (type: string | undefined, name: string | undefined): GatedCosigner => ({
  archived: false,
  ...(type ? { type } : {}),
  ...(name === undefined ? {} : { version: { name } }),
});
const codeOf = (c: GatedCosigner) => {
  const gate = editGateOf(c);
  return gate.editable ? 'editable' : gate.code;
};

describe('parseCosignerVersion', () => {
  it('reads the semantic version at the start of the name, and a date-named build as a date', () => {
    expect(parseCosignerVersion('3.6.1 (October 2025)')).toEqual([3, 6, 1]);
    expect(parseCosignerVersion('3.7.2 (January 2026)')).toEqual([3, 7, 2]);
    expect(parseCosignerVersion(' v2.0.5 ')).toEqual([2, 0, 5]);
    expect(parseCosignerVersion('0.9')).toEqual([0, 9, 0]);
    expect(parseCosignerVersion('2026.08.19')).toBe('date');
    expect(parseCosignerVersion('2025.12.11 (hotfix)')).toBe('date');
  });

  it('gives null for what it cannot read', () => {
    for (const name of [undefined, '', 'latest', 'October 2025', '3', '1.2.3.4', 'abc 3.7.1']) {
      expect(parseCosignerVersion(name), String(name)).toBeNull();
    }
  });
});

describe('editGateOf', () => {
  it('refuses an archived cosigner whatever its version', () => {
    const gate = editGateOf({ archived: true, type: 'SGX', version: { name: '2026.01.01' } });
    expect(gate).toMatchObject({ editable: false, code: 'cosigner_archived' });
    if (!gate.editable) expect(gate.message).toContain('archived');
  });

  it('holds SGX to 3.7.1', () => {
    expect(codeOf(live('SGX', '3.6.1 (October 2025)'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('SGX', '3.7.0'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('SGX', '2.9.0 (March 2024)'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('SGX', '3.7.1'))).toBe('editable');
    expect(codeOf(live('SGX', '3.7.2 (January 2026)'))).toBe('editable');
    expect(codeOf(live('SGX', '3.10.0'))).toBe('editable');
    expect(codeOf(live('SGX', '4.0.0'))).toBe('editable');
  });

  it('holds AWS Nitro to 2.0.5 and GCP Confidential Space to 0.9.4', () => {
    expect(codeOf(live('AWS-NITRO', '2.0.4'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('AWS-NITRO', '1.9.9'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('AWS-NITRO', '2.0.5'))).toBe('editable');
    expect(codeOf(live('GCP-CONFSPACE', '0.9.3'))).toBe('cosigner_version_too_old');
    expect(codeOf(live('GCP-CONFSPACE', '0.9.4'))).toBe('editable');
    expect(codeOf(live('GCP-CONFSPACE', '1.0.0'))).toBe('editable');
  });

  it('lets date-named builds through', () => {
    expect(codeOf(live('SGX', '2025.12.11'))).toBe('editable');
    expect(codeOf(live('AWS-NITRO', '2026.08.19'))).toBe('editable');
    expect(codeOf(live('GCP-CONFSPACE', '2026.07.01'))).toBe('editable');
  });

  it('does not block on a missing or unreadable version, or a type without a known minimum', () => {
    expect(codeOf(live('SGX', undefined))).toBe('editable');
    expect(codeOf({ archived: false, type: 'SGX', version: {} })).toBe('editable');
    expect(codeOf(live('SGX', 'custom build'))).toBe('editable');
    expect(codeOf(live(undefined, '0.0.1'))).toBe('editable');
    expect(codeOf(live('SANDBOX', '0.0.1'))).toBe('editable');
    expect(codeOf(live('INTEL-TDX', '0.0.1'))).toBe('editable');
  });

  it('says which version runs and which is needed', () => {
    const gate = editGateOf(live('SGX', '3.6.1 (October 2025)'));
    expect(gate.editable).toBe(false);
    if (!gate.editable) {
      expect(gate.message).toContain('3.6.1 (October 2025)');
      expect(gate.message).toContain('SGX 3.7.1');
    }
  });

  it('gates exactly the archived and the old cosigners of the seed plan', () => {
    const gated = COSIGNER_PLAN.filter(
      (c) => !editGateOf({ archived: c.archived ?? false, type: c.type, version: { name: c.versionName } }).editable,
    ).map((c) => c.name);
    expect(gated).toEqual(['Legacy Treasury SGX', 'Branch Office SGX']);
  });
});
