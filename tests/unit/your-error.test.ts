import { test } from "node:test";
import assert from "node:assert/strict";
import { explainPaste, redact } from "../../src/search/your-error.ts";

const keyError = {
  className: "KeyError",
  templates: [
    { template: "'{key}'", explain: "The mapping has no key {key}." },
    { template: "'popitem(): dictionary is empty'" },
  ],
};

test("a bare template counts after its class, and its value is found and named", () => {
  const traceback =
    'Traceback (most recent call last):\n  File "/srv/app.py", line 3, in <module>\n    user = row["user_id"]\nKeyError: \'user_id\'';
  const explained = explainPaste(traceback, keyError);
  assert.equal(explained?.template, "'{key}'");
  assert.deepEqual(explained?.values, { key: "user_id" });
  assert.deepEqual(explained?.pieces, [
    { text: "KeyError: '" },
    { text: "user_id", placeholder: "key" },
    { text: "'" },
  ]);
  assert.deepEqual(explained?.explanation, [
    { text: "The mapping has no key " },
    { text: "user_id", placeholder: "key" },
    { text: "." },
  ]);
  // Without its class, a quoted word is not a KeyError.
  assert.equal(explainPaste("it said 'user_id'", keyError), undefined);
});

test("a specific template is found in a log line or a stack, whatever comes before it", () => {
  const node = {
    className: "Error",
    templates: [
      {
        template: "connect ECONNREFUSED {address}:{port}",
        explain: "Nothing listens on port {port} at {address}.",
      },
    ],
  };
  const stack =
    "2024-05-01T08:12:33Z app[web.1]: Error: connect ECONNREFUSED 10.0.3.7:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16)";
  const explained = explainPaste(stack, node);
  assert.deepEqual(explained?.values, { address: "10.0.3.7", port: "5432" });
  assert.equal(
    explained?.explanation?.map((p) => p.text).join(""),
    "Nothing listens on port 5432 at 10.0.3.7.",
  );
});

test("in a Python traceback the last matching line is the reader's error", () => {
  const chained =
    "KeyError: 'first'\n\nDuring handling of the above exception, another exception occurred:\n\nKeyError: 'second'";
  assert.deepEqual(
    explainPaste(`Traceback (most recent call last):\n  File "a.py", line 1\n${chained}`, keyError)?.values,
    {
      key: "second",
    },
  );
});

test("paths, URLs, host names and addresses are left out of what is shared; code is kept", () => {
  assert.equal(
    redact("FileNotFoundError: [Errno 2] No such file or directory: '/home/ana/billing/.env'"),
    "FileNotFoundError: [Errno 2] No such file or directory: '<path>'",
  );
  assert.equal(redact("connect ECONNREFUSED 10.0.3.7:5432"), "connect ECONNREFUSED <ip>:5432");
  assert.equal(redact("getaddrinfo ENOTFOUND db.billing.internal"), "getaddrinfo ENOTFOUND <host>");
  assert.equal(redact("GET https://api.example.com/v1/users failed"), "GET <url> failed");
  assert.equal(redact("open 'C:\\Users\\ana\\app\\config.json'"), "open '<path>'");
  assert.equal(redact("connect ECONNREFUSED [::1]:8080"), "connect ECONNREFUSED <ip>");
  assert.equal(redact("TypeError: user.name is not a function"), "TypeError: user.name is not a function");
  assert.equal(
    redact("src/billing/invoice.ts(88,11): error TS2322: Type 'string'"),
    "<path>(88,11): error TS2322: Type 'string'",
  );
  assert.equal(
    redact("at TCPConnectWrap.afterConnect (node:net:1637:16) and/or"),
    "at TCPConnectWrap.afterConnect (node:net:1637:16) and/or",
  );
  assert.equal(redact("open './config/local.json'"), "open '<path>'");
  assert.equal(
    redact("AttributeError: 'NoneType' object has no attribute 'split'"),
    "AttributeError: 'NoneType' object has no attribute 'split'",
  );
});
