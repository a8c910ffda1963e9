import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { errnoSchema } from "../../src/catalogue/errno-schema.ts";

/**
 * The errno table is the one place errno numbers are written down; these
 * tests hold it to the running system: Linux numbers and messages against
 * python3's errno module and os.strerror, Python classes against what
 * OSError(errno, …) really constructs.
 */

const table = load(readFileSync("content/errno.yaml", "utf8")) as Record<string, unknown>;
const rows = Object.entries(table).map(([name, row]) => ({ name, data: errnoSchema.parse(row) }));

const probe = spawnSync(
  "python3",
  [
    "-c",
    `import errno, json, os
print(json.dumps({n: [getattr(errno, n), os.strerror(getattr(errno, n)), type(OSError(getattr(errno, n), "x")).__name__]
                  for n in dir(errno) if n.startswith("E")}))`,
  ],
  { encoding: "utf8" },
);
const python = JSON.parse(probe.stdout) as Record<string, [number, string, string]>;

test("every errno name python3 knows on this system is in the table", () => {
  assert.equal(probe.status, 0, probe.stderr);
  const missing = Object.keys(python).filter((name) => !(name in table));
  assert.deepEqual(missing, []);
  assert.ok(rows.length >= 133, `only ${rows.length} rows`);
});

test("Linux numbers and messages match errno and os.strerror", () => {
  for (const { name, data } of rows) {
    const real = python[name];
    if (!real) continue; // a name newer than this Python (EHWPOISON on 3.11) is checked by hand
    assert.equal(data.linux, real[0], `${name} number`);
    assert.equal(data.message, real[1], `${name} message`);
  }
});

test("the Python class of each errno is the OSError subclass Python really raises", () => {
  for (const { name, data } of rows) {
    const real = python[name];
    if (!real) continue;
    assert.equal(data.python ?? "OSError", real[2], `${name} class`);
  }
});

test("names that share a Linux number are aliases with the same message", () => {
  const byNumber = Map.groupBy(rows, (row) => row.data.linux);
  const shared = [...byNumber.values()]
    .filter((group) => group.length > 1)
    .map((g) => g.map((r) => r.name).sort());
  assert.deepEqual(shared.sort(), [
    ["EAGAIN", "EWOULDBLOCK"],
    ["EDEADLK", "EDEADLOCK"],
    ["ENOTSUP", "EOPNOTSUPP"],
  ]);
});

test("libuv's Windows numbers match the uv/errno.h of the project's Node.js", async () => {
  const { libuvWindowsNumbers } = await import("../../src/catalogue/libuv-errno.ts");
  const header = libuvWindowsNumbers();
  assert.ok(header.size >= 60, `only ${header.size} numbers in the header`);
  for (const { name, data } of rows) {
    assert.equal(data.windows?.libuv, header.get(name), `${name}: windows.libuv`);
  }
  assert.equal(header.get("ENOENT"), -4058);
});
