import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { API_ERRORS_URL } from "../catalogue/urls.ts";

/**
 * `/api/errors/<language>/<slug>.json`, one file per record of
 * `/api/errors.json`, split from that list after `astro build`: each file is
 * the list's record by construction, and 2,935 small files written here
 * take about a second where Astro's routes took 3.3 s of the build. Each
 * record names its own URL (`json`), which is where it is written.
 */
export async function writeApiRecords(site: string): Promise<number> {
  const list = JSON.parse(await readFile(path.join(site, API_ERRORS_URL), "utf8")) as {
    errors: { id: string; json: string }[];
  };
  const folders = new Set<string>();
  const files = list.errors.map((record) => {
    const file = path.join(site, new URL(record.json).pathname);
    folders.add(path.dirname(file));
    // Indented as every JSON file of the API is, so a curl reads well.
    return { file, text: `${JSON.stringify(record, null, 2)}\n` };
  });
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let next = 0; next < files.length; next += WRITE_BATCH)
    await Promise.all(files.slice(next, next + WRITE_BATCH).map(({ file, text }) => writeFile(file, text)));
  return files.length;
}

const WRITE_BATCH = 32;
