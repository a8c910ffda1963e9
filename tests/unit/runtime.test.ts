import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

test("npm scripts run on the project's own Node.js, not the machine's", () => {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const pinned = manifest.devDependencies["node"] ?? "";
  const wantedMajor = Number(pinned.replace(/^\D*/, "").split(".")[0]);
  const runningMajor = Number(process.versions.node.split(".")[0]);
  assert.equal(
    runningMajor,
    wantedMajor,
    `running Node ${process.version}, package.json pins node ${pinned}`,
  );
  assert.ok(runningMajor >= 22, "Astro 7 needs Node 22.12 or later");
});
