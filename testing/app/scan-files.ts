import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Finding {
  file: string;
  /** Which needle (by label, never the secret itself). */
  label: string;
}

/** Every file under `dir` whose name passes `include`, recursively; none when the directory does not exist. */
export function listFiles(dir: string, include: (file: string) => boolean = () => true): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter(include);
}

/** Which of `needles` (label -> text) occur in which files, read as bytes so binary files are scanned too. */
export function findNeedles(files: string[], needles: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const wanted = Object.entries(needles).map(([label, text]) => [label, Buffer.from(text)] as const);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [label, needle] of wanted) if (bytes.includes(needle)) findings.push({ file, label });
  }
  return findings;
}
