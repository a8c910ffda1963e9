import { templateParts } from "../../src/entry/message-templates.ts";
import type { SearchLookup } from "../../src/search/exact-hits.ts";

/**
 * Pastes built to cost as much as possible, for the search timing test and
 * `npm run bench:search`: a 1 MB application log that ends in a Python
 * traceback, and for each message template 20 KB of its own fixed text
 * repeated (what made a backtracking RegExp take half a second).
 */

/** A 1 MB log: timestamped lines with a retry warning now and then, ending in a traceback. */
export function megabyteLog(): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const second = String(i % 60).padStart(2, "0");
    const line =
      i % 50 === 0
        ? `2024-05-01 08:12:${second},${String(i % 1000).padStart(3, "0")} WARNING [worker.sync] retry ${i}: upstream timed out, backing off`
        : `2024-05-01 08:12:${second},${String(i % 1000).padStart(3, "0")} INFO [worker.sync] synced batch ${i} (${i * 7} rows) from /srv/data/batch-${i}.csv`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push(
    "Traceback (most recent call last):",
    '  File "/srv/app/worker/sync.py", line 88, in run',
    "    conn = socket.create_connection((host, port))",
    '  File "/usr/lib/python3.11/socket.py", line 851, in create_connection',
    "    raise exceptions[0]",
    "ConnectionRefusedError: [Errno 111] Connection refused",
  );
  return lines.join("\n");
}

/** For each template with two or more placeholders, its fixed parts repeated to `size` characters. */
export function repeatedFragments(
  lookup: SearchLookup,
  size = 20_000,
): { template: string; paste: string }[] {
  const seen = new Set<string>();
  const pastes: { template: string; paste: string }[] = [];
  for (const entry of lookup.entries) {
    for (const template of entry.templates) {
      const parts = templateParts(template);
      if (parts.length < 3 || seen.has(template)) continue;
      seen.add(template);
      const unit = parts.join(" ");
      pastes.push({ template, paste: unit.repeat(Math.ceil(size / unit.length)).slice(0, size) });
    }
  }
  return pastes;
}
