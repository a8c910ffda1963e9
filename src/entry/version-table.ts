import type { Language } from "./languages.ts";
import type { EntryRecording } from "./recordings.ts";
import {
  RUNTIMES,
  RUNTIME_NAMES,
  compareVersions,
  releaseOf,
  versionRanges,
  type Runtime,
} from "./runtime-versions.ts";

/**
 * "Message by version": what each version of an entry's runtime printed for
 * its repro snippets (and its probes on legacy versions), as `npm run
 * verify` recorded it, one row per wording with the releases that printed
 * it. Nothing in it is typed by hand.
 */

export interface VersionRow {
  /** The error as the runtime printed it, or undefined where the repro raised nothing (outside the entry's span). */
  message: string | undefined;
  /** `3.9–3.11`, `2.7`. */
  versions: string;
  /** The releases themselves, oldest first. */
  releases: string[];
  /** Recorded only by a probe on a legacy version. */
  probe: boolean;
  /** Outside the entry's `versions` span: `message` is the other error the repro raised there, or nothing. */
  outside: boolean;
}

/** The runtime whose versions an entry's table is by. */
export function tableRuntime(language: Language): Runtime {
  return language;
}

/** The rows of an entry's table, oldest wording first; empty without a recording. */
export function versionRows(language: Language, recording: EntryRecording | undefined): VersionRow[] {
  const runtime = tableRuntime(language);
  type Row = {
    message: string | undefined;
    releases: Set<string>;
    probe: boolean;
    outside: boolean;
    order: number;
  };
  const byMessage = new Map<string, Row>();
  const snippets = (recording?.snippets ?? []).filter((s) => s.role === "repro" || s.role === "probe");
  for (const [order, snippet] of snippets.entries()) {
    const probe = snippet.role === "probe";
    for (const group of snippet.versions ?? []) {
      for (const name of group.on) {
        const [onRuntime, version = ""] = name.split(" ");
        if (onRuntime !== runtime) continue;
        const outside = group.outside ?? false;
        const key = JSON.stringify([group.message ?? null, probe, outside]);
        const row = byMessage.get(key) ?? {
          message: group.message,
          releases: new Set<string>(),
          probe,
          outside,
          order,
        };
        row.releases.add(releaseOf(runtime, version));
        byMessage.set(key, row);
      }
    }
  }
  const oldest = (row: Row) => [...row.releases].sort(compareVersions)[0] ?? "";
  // Probes (legacy versions) first, then each repro's wordings together, oldest first.
  const rank = (row: Row) => (row.probe ? -1 : row.order);
  return [...byMessage.values()]
    .sort((a, b) => rank(a) - rank(b) || compareVersions(oldest(a), oldest(b)))
    .map(({ message, releases, probe, outside }) => ({
      message,
      versions: versionRanges(runtime, releases),
      releases: [...releases].sort(compareVersions),
      probe,
      outside,
    }));
}

/** The releases an entry's error was raised on, as ranges with the runtime's name: `Python 2.7, 3.9–3.13`. */
export function appliesTo(language: Language, rows: readonly VersionRow[]): string | undefined {
  const raised = rows
    .filter((row) => row.message !== undefined && !row.outside)
    .flatMap((row) => row.releases);
  const runtime = tableRuntime(language);
  return raised.length > 0 ? `${RUNTIMES[runtime].label} ${versionRanges(runtime, raised)}` : undefined;
}

/**
 * The exact versions an entry's snippets ran on, by runtime label:
 * `Python 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0`. Probes' legacy versions are left out.
 */
export function versionsRun(recording: EntryRecording | undefined): string[] {
  const byRuntime = new Map<Runtime, Set<string>>();
  for (const snippet of recording?.snippets ?? []) {
    if (snippet.role === "probe") continue;
    for (const name of Object.keys(snippet.runs ?? {})) {
      const [runtime, version = ""] = name.split(" ") as [Runtime, string];
      if (!(runtime in RUNTIMES)) continue;
      byRuntime.set(runtime, (byRuntime.get(runtime) ?? new Set()).add(version));
    }
  }
  return RUNTIME_NAMES.filter((runtime) => byRuntime.has(runtime)).map((runtime) => {
    const versions = byRuntime.get(runtime)!;
    const sorted = [...versions].sort(compareVersions);
    const list = sorted.length > 1 ? `${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)}` : sorted[0];
    return `${RUNTIMES[runtime].label} ${list}`;
  });
}
