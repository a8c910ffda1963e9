import { test } from "node:test";
import assert from "node:assert/strict";
import {
  entryUrl,
  entryUrlFromId,
  errnoUrl,
  isCanonicalSlug,
  kebabFromClassName,
  parseEntryId,
  pythonClassSlug,
  searchUrl,
  sectionUrl,
  slugFromCode,
  slugFromMessage,
} from "../../src/catalogue/urls.ts";

test("Python class names become kebab case, acronyms kept whole", () => {
  assert.equal(kebabFromClassName("ConnectionRefusedError"), "connection-refused-error");
  assert.equal(kebabFromClassName("JSONDecodeError"), "json-decode-error");
  assert.equal(kebabFromClassName("KeyError"), "key-error");
  assert.equal(kebabFromClassName("OSError"), "os-error");
  assert.equal(kebabFromClassName("UnicodeDecodeError"), "unicode-decode-error");
  assert.equal(kebabFromClassName("StopIteration"), "stop-iteration");
  assert.equal(kebabFromClassName("HTTPError"), "http-error");
});

test("a standard-library class's slug carries its top-level module, unless its name starts with it", () => {
  assert.equal(pythonClassSlug("KeyError"), "key-error");
  assert.equal(pythonClassSlug("zipfile.BadZipFile"), "zipfile-bad-zip-file");
  assert.equal(pythonClassSlug("http.client.RemoteDisconnected"), "http-remote-disconnected");
  assert.equal(pythonClassSlug("_csv.Error"), "csv-error");
  assert.equal(pythonClassSlug("shutil.Error"), "shutil-error");
  assert.equal(pythonClassSlug("json.decoder.JSONDecodeError"), "json-decode-error");
  assert.equal(pythonClassSlug("ssl.SSLCertVerificationError"), "ssl-cert-verification-error");
  assert.equal(pythonClassSlug("socket.gaierror"), "socket-gaierror");
  // A deep entry may take either the bare or the module form for its class.
  assert.ok(isCanonicalSlug("bad-zip-file", { kind: "exception", className: "zipfile.BadZipFile" }));
  assert.ok(isCanonicalSlug("zipfile-bad-zip-file", { kind: "exception", className: "zipfile.BadZipFile" }));
  assert.ok(!isCanonicalSlug("zip-bad-zip-file", { kind: "exception", className: "zipfile.BadZipFile" }));
});

test("codes are lowercased with _ turned into -", () => {
  assert.equal(slugFromCode("ECONNREFUSED"), "econnrefused");
  assert.equal(slugFromCode("ERR_MODULE_NOT_FOUND"), "err-module-not-found");
  assert.equal(slugFromCode("TS2322"), "ts2322");
});

test("message slugs are the fixed words, placeholders dropped", () => {
  assert.equal(
    slugFromMessage("Cannot read properties of undefined (reading '{property}')"),
    "cannot-read-properties-of-undefined-reading",
  );
  assert.equal(slugFromMessage("{name} is not a function"), "is-not-a-function");
});

test("a slug is canonical only when it follows the rule for its identity", () => {
  assert.ok(isCanonicalSlug("key-error", { kind: "exception", className: "KeyError" }));
  assert.ok(!isCanonicalSlug("keyerror", { kind: "exception", className: "KeyError" }));
  assert.ok(isCanonicalSlug("ts2322", { kind: "code", code: "TS2322" }));
  assert.ok(!isCanonicalSlug("2322", { kind: "code", code: "TS2322" }));
  const message = {
    kind: "message",
    message: "Cannot read properties of undefined (reading '{property}')",
  } as const;
  assert.ok(isCanonicalSlug("cannot-read-properties-of-undefined", message));
  assert.ok(!isCanonicalSlug("cannot-read-prop", message));
  assert.ok(!isCanonicalSlug("read-properties-of-undefined", message));
  const json = {
    kind: "message",
    message: `Unexpected token '{token}', "{text}" is not valid JSON`,
  } as const;
  assert.ok(isCanonicalSlug("unexpected-token-json", json));
  assert.ok(!isCanonicalSlug("json-unexpected-token", json));
});

test("page URLs are lowercase with a trailing slash", () => {
  assert.equal(entryUrl("python", "connection-refused-error"), "/python/connection-refused-error/");
  assert.equal(entryUrlFromId("node/err-module-not-found"), "/node/err-module-not-found/");
  assert.equal(errnoUrl("ECONNREFUSED"), "/errno/econnrefused/");
  assert.equal(sectionUrl("/python/key-error/", "fix"), "/python/key-error/#fix");
});

test("search URLs carry the query encoded", () => {
  assert.equal(searchUrl(), "/search/");
  assert.equal(
    searchUrl("[Errno 111] Connection refused"),
    "/search/?q=%5BErrno%20111%5D%20Connection%20refused",
  );
});

test("entry ids must be <language>/<slug> with a known language", () => {
  assert.deepEqual(parseEntryId("typescript/ts2322"), { language: "typescript", slug: "ts2322" });
  assert.throws(() => parseEntryId("ruby/name-error"), /language one of python, node, typescript/);
  assert.throws(() => parseEntryId("python"), /must be <language>\/<slug>/);
});
