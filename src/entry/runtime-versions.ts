/**
 * The runtimes snippets run on and the versions of each that errdex
 * supports: the one list `npm run verify` runs every snippet on, that
 * front matter's `versions` may name, and that pages name in "Message by
 * version". A runtime's key is also the language whose entries it explains
 * (a Python entry's table is by Python version, a Node.js entry's by
 * Node.js version, a TypeScript entry's by compiler version).
 */
export const RUNTIMES = {
  python: {
    label: "Python",
    /** Every Python snippet runs on each of these, oldest first: pyenv's builds on the machine. */
    supported: ["3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"],
    /** The version whose outputs the page shows under each snippet. */
    primary: "3.11.7",
    /** Versions only an entry's small probes run on (front matter `probes`), for wordings users still paste. */
    legacy: ["2.7.18"],
  },
  node: {
    label: "Node.js",
    /** Installed from npm's `node` package (the primary one is the project's own `node` devDependency). */
    supported: ["20.20.2", "22.23.3", "24.21.0"],
    primary: "24.21.0",
    legacy: ["14.21.3"],
  },
  typescript: {
    label: "TypeScript",
    /** npm's `typescript` package: 6.0 is the project's own, 7.0 the native compiler. */
    supported: ["5.9.3", "6.0.3", "7.0.2"],
    primary: "6.0.3",
    legacy: [],
  },
} as const satisfies Record<
  string,
  { label: string; supported: readonly string[]; primary: string; legacy: readonly string[] }
>;

export type Runtime = keyof typeof RUNTIMES;

export const RUNTIME_NAMES = Object.keys(RUNTIMES) as Runtime[];

/** The release a version belongs to, as pages name it: `3.11.7` → `3.11`, `24.21.0` → `24`, `6.0.3` → `6.0`. */
export function releaseOf(runtime: Runtime, version: string): string {
  const [major = "", minor = "0"] = version.split(".");
  return runtime === "node" ? major : `${major}.${minor}`;
}

/** The supported releases of `runtime` (`3.9` … `3.13`), oldest first: what front matter's `versions` may name. */
export function supportedReleases(runtime: Runtime): string[] {
  return RUNTIMES[runtime].supported.map((version) => releaseOf(runtime, version));
}

/** The legacy and supported releases of `runtime`, oldest first. */
function knownReleases(runtime: Runtime): string[] {
  return [...RUNTIMES[runtime].legacy, ...RUNTIMES[runtime].supported].map((version) =>
    releaseOf(runtime, version),
  );
}

/** Orders two registry versions (`3.9` before `3.10`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Whether `release` is inside an entry's `versions` span for its runtime (see the schema). */
export function inSpan(
  release: string,
  span: { since?: string | undefined; removedIn?: string | undefined } | undefined,
): boolean {
  if (!span) return true;
  if (span.since && compareVersions(release, span.since) < 0) return false;
  if (span.removedIn && compareVersions(release, span.removedIn) >= 0) return false;
  return true;
}

/**
 * Names a set of releases as ranges of consecutive known versions:
 * `3.9–3.11`, `3.12–3.13`, `2.7`, or `20, 24` when 22 is not among them.
 */
export function versionRanges(runtime: Runtime, releases: Iterable<string>): string {
  const wanted = new Set(releases);
  const known = knownReleases(runtime);
  const legacy = new Set(RUNTIMES[runtime].legacy.map((version) => releaseOf(runtime, version)));
  const ranges: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) ranges.push(run.length === 1 ? run[0]! : `${run[0]}–${run.at(-1)}`);
    run = [];
  };
  for (const version of known) {
    // Legacy versions are not consecutive with the supported ones (2.7 and 3.9).
    if (run.length > 0 && legacy.has(run.at(-1)!)) flush();
    if (wanted.has(version)) run.push(version);
    else flush();
  }
  flush();
  return ranges.join(", ");
}

/**
 * How a snippet's caption names the versions it claims (`since=3.11` →
 * `Python 3.11 and later`). A TypeScript snippet's releases are Node.js's
 * (`22`) or the compiler's (`5.9`), told apart by the dot.
 */
export function spanLabel(
  lang: string,
  span: { since?: string | undefined; removedIn?: string | undefined },
): string {
  const release = span.since ?? span.removedIn ?? "";
  const runtime: Runtime = lang === "python" ? "python" : release.includes(".") ? "typescript" : "node";
  const { label } = RUNTIMES[runtime];
  if (span.since && span.removedIn) return `${label} ${span.since} up to ${span.removedIn}`;
  return span.since ? `${label} ${span.since} and later` : `${label} before ${span.removedIn}`;
}
