/**
 * Whether a cosigner's callback handlers can be changed through the API: the one rule for the UI (which offers no
 * Edit and says why) and the server (which refuses the PATCH with 409 before anything is recorded or sent).
 * No server-only import and no zod: the browser bundle imports it.
 *
 * Fireblocks applies a callback-handler update only on a cosigner build recent enough to take remote configuration
 * (docs/fireblocks.md, "Version/feature caveats"): SGX 3.7.1, AWS Nitro 2.0.5, GCP Confidential Space 0.9.4. Newer
 * builds are named by date (YYYY.MM.DD), all above those. A version that cannot be read does not block: the
 * cosigner may well be recent, and Fireblocks itself refuses the request if it is not.
 */

type EditGateCode = 'cosigner_archived' | 'cosigner_version_too_old';

export type EditGate = { editable: true } | { editable: false; code: EditGateCode; message: string };

/** The fields of a cosigner the gate reads (the console's CosignerResponse and Fireblocks' Cosigner both fit). */
export interface GatedCosigner {
  archived: boolean;
  type?: string;
  version?: { name?: string };
}

type Version = readonly [number, number, number];

/** The oldest build, per cosigner type, that takes a callback-handler update through the API. */
const MINIMUM_VERSIONS: Readonly<Record<string, Version>> = {
  SGX: [3, 7, 1],
  'AWS-NITRO': [2, 0, 5],
  'GCP-CONFSPACE': [0, 9, 4],
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  SGX: 'SGX',
  'AWS-NITRO': 'AWS Nitro',
  'GCP-CONFSPACE': 'GCP Confidential Space',
};

/** A date-named build, e.g. `2026.08.19` (optionally followed by more text). */
const DATE_BUILD = /^(\d{4})\.(\d{2})\.(\d{2})(?!\d)/;
/** A semantic version at the start of the name, e.g. `3.7.2 (January 2026)`; the patch may be missing. */
const SEMVER = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?(?![\d.])/;

/** The version's numbers, `'date'` for a date-named build, or null when the name cannot be read. */
export function parseCosignerVersion(name: string | undefined): Version | 'date' | null {
  const text = name?.trim() ?? '';
  if (DATE_BUILD.test(text)) return 'date';
  const m = SEMVER.exec(text);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

function below(v: Version, min: Version): boolean {
  for (let i = 0; i < 3; i++) {
    if (v[i] !== min[i]) return (v[i] ?? 0) < (min[i] ?? 0);
  }
  return false;
}

export function editGateOf(cosigner: GatedCosigner): EditGate {
  if (cosigner.archived) {
    return {
      editable: false,
      code: 'cosigner_archived',
      message: 'This cosigner is archived: its callback handlers can no longer be changed.',
    };
  }
  const min = cosigner.type ? MINIMUM_VERSIONS[cosigner.type] : undefined;
  const version = parseCosignerVersion(cosigner.version?.name);
  if (!min || version === null || version === 'date' || !below(version, min)) return { editable: true };
  const typeName = TYPE_NAMES[cosigner.type ?? ''] ?? cosigner.type ?? '';
  return {
    editable: false,
    code: 'cosigner_version_too_old',
    message:
      `This cosigner runs ${cosigner.version?.name ?? ''}; changing a callback handler through Fireblocks needs ` +
      `${typeName} ${min.join('.')} or newer. Upgrade the cosigner, or change the handler on its host.`,
  };
}
