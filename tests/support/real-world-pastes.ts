import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { load } from "js-yaml";

/** One paste from a public bug report, kept as it was pasted. */
export interface RealWorldPaste {
  /** `python/001.txt`, under the corpus folder. */
  file: string;
  /** The public thread it was pasted in. */
  source: string;
  /** The right pages, best first; any of them counts as a right first answer. */
  expect: string[];
  /** What it looks like (log lines, a wrapper, tsc under webpack, …). */
  form: string;
  paste: string;
}

/** The corpus in the repository; `ERRDEX_REAL_WORLD_DIR` names another of the same shape (a held-out set). */
const REAL_WORLD_DIR = process.env["ERRDEX_REAL_WORLD_DIR"] ?? "tests/fixtures/search/real-world";

/**
 * The real-paste corpus (`tests/fixtures/search/real-world/<batch>/`): each
 * batch has its pastes as `NNN.txt` and an `index.yaml` giving each one's
 * source, expected pages and form. Read by the search-corpus test and
 * `npm run bench:search`.
 */
export function realWorldPastes(dir = REAL_WORLD_DIR): RealWorldPaste[] {
  const pastes: RealWorldPaste[] = [];
  for (const batch of readdirSync(dir).sort()) {
    const indexFile = path.join(dir, batch, "index.yaml");
    const index = load(readFileSync(indexFile, "utf8")) as Omit<RealWorldPaste, "paste">[];
    for (const [i, row] of index.entries()) {
      const where = `${indexFile}: item ${i + 1}`;
      if (!row.file || !/^https:\/\/\S+$/.test(row.source ?? "") || !row.expect?.length)
        throw new Error(`${where}: needs file, an https source and expect`);
      pastes.push({
        ...row,
        file: `${batch}/${row.file}`,
        paste: readFileSync(path.join(dir, batch, row.file), "utf8"),
      });
    }
  }
  return pastes;
}
