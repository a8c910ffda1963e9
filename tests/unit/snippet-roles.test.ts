import { test } from "node:test";
import assert from "node:assert/strict";
import { snippetRoleFromMeta } from "../../src/entry/snippet-roles.ts";

test("the role is read from the fence meta", () => {
  assert.equal(snippetRoleFromMeta("repro"), "repro");
  assert.equal(snippetRoleFromMeta("fix title=x"), "fix");
  assert.equal(snippetRoleFromMeta("  bad  "), "bad");
  assert.equal(snippetRoleFromMeta(undefined), undefined);
  assert.equal(snippetRoleFromMeta("reproduce"), undefined);
});
