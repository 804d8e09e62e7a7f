export interface VersionLabelProps {
  version: { hash: string; name?: string } | undefined;
}

/** "1.0.0 (December 2025)" over its build hash; just the hash when the API gives no name. */
export function VersionLabel({ version }: VersionLabelProps) {
  if (!version) return <span className="text-zinc-600 dark:text-zinc-400">Unknown</span>;
  return (
    <span className="flex flex-col leading-tight">
      {version.name && <span>{version.name}</span>}
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400" title="Build hash">
        {version.hash}
      </span>
    </span>
  );
}
