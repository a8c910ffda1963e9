import { test } from "node:test";
import assert from "node:assert/strict";
import { CONFIDENT, exactHits, type LookupEntry } from "../../src/search/exact-hits.ts";
import { entry, lookup } from "../fixtures/search-lookup.ts";
import { readPaste } from "../../src/search/paste.ts";

const urls = (query: string) => exactHits(lookup, readPaste(query)).map((hit) => hit.url);

test("an errno number finds its errno page first, then the errors that carry it", () => {
  assert.deepEqual(urls("111"), [
    "/errno/econnrefused/",
    "/python/connection-refused-error/",
    "/node/econnrefused/",
  ]);
  assert.deepEqual(urls("[Errno 111]"), urls("-111"));
  assert.equal(urls("WinError 10061")[0], "/errno/econnrefused/");
});

test("a number that means different errors on different systems says so", () => {
  const hits = exactHits(lookup, readPaste("61"));
  assert.deepEqual(
    hits.slice(0, 2).map((h) => h.why),
    [
      "61 is ENODATA on Linux (the number means different errors on different systems)",
      "61 is ECONNREFUSED on macOS (the number means different errors on different systems)",
    ],
  );
});

test("a Node.js stack finds its code page before the errno page", () => {
  const stack =
    "Error: connect ECONNREFUSED 127.0.0.1:5432\n    at x (node:net:1:1) {\n  errno: -111,\n  code: 'ECONNREFUSED'\n}";
  assert.deepEqual(urls(stack).slice(0, 2), ["/node/econnrefused/", "/errno/econnrefused/"]);
});

test("a Python traceback finds its class page through the message template", () => {
  const traceback =
    'Traceback (most recent call last):\n  File "a.py", line 1\nConnectionRefusedError: [Errno 111] Connection refused';
  assert.equal(urls(traceback)[0], "/python/connection-refused-error/");
});

test("a message with the user's own values matches its template", () => {
  assert.deepEqual(urls("Uncaught TypeError: Cannot read properties of null (reading 'addEventListener')"), [
    "/node/cannot-read-properties-of-null/",
  ]);
});

test("templates that are nearly all placeholder do not match everything", () => {
  assert.deepEqual(urls("'anything'"), []);
  assert.deepEqual(urls("KeyError: 'port'"), ["/python/key-error/"]);
});

test("codes, names and aliases in any case", () => {
  assert.equal(urls("econnrefused")[0], "/node/econnrefused/");
  assert.deepEqual(urls("2345"), ["/typescript/ts2345/"]);
  assert.equal(urls("src/a.ts(3,7): error TS2345: Argument of type 'string'…")[0], "/typescript/ts2345/");
  assert.equal(urls("Connection refused")[0], "/python/connection-refused-error/");
});

test("the most specific template wins over a generic one", () => {
  assert.deepEqual(urls("[Errno 111] Connection refused").slice(0, 2), [
    "/python/connection-refused-error/",
    "/python/os-error/",
  ]);
});

test("a message entry comes before its class page, even when the class page quotes more of it", () => {
  assert.deepEqual(urls("ValueError: invalid literal for int() with base 10: '3.0'"), [
    "/python/invalid-literal-for-int/",
    "/python/value-error/",
  ]);
});

test("an outer wrapper loses to the error it carries", () => {
  const requests =
    "requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3>: Failed to establish a new connection: [Errno 111] Connection refused'))";
  assert.equal(urls(requests)[0], "/python/connection-refused-error/");
  assert.equal(
    urls(
      "MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:1:1)",
    )[0],
    "/node/econnrefused/",
  );
});

test("an error only in a structured log's fields, or a libuv Windows number, is found", () => {
  assert.equal(
    urls('{"level":50,"msg":"db down","err":{"code":"ECONNREFUSED","errno":-4078,"syscall":"connect"}}')[0],
    "/node/econnrefused/",
  );
  assert.deepEqual(urls("-4078").slice(0, 2), ["/errno/econnrefused/", "/python/connection-refused-error/"]);
  assert.equal(
    urls("connect() failed (111: Connection refused) while connecting to upstream")[0],
    "/errno/econnrefused/",
  );
});

test("a Python errno names the class Python raises for it, whatever class was printed", () => {
  assert.equal(urls("OSError: [Errno 32] Broken pipe")[0], "/python/broken-pipe-error/");
  assert.equal(urls("socket.error: error(32, 'Broken pipe')")[0], "/python/broken-pipe-error/");
  assert.equal(
    urls("2024-05-01 WARNING worker lost: ConnectionRefusedError(111, 'Connection refused')")[0],
    "/python/connection-refused-error/",
  );
});

test("a message written after another runtime's class, or another code, is not that page's", () => {
  assert.equal(urls("NameError: global name 'x' is not defined")[0], "/python/name-error/");
  assert.equal(urls("ReferenceError: window is not defined")[0], "/node/is-not-defined/");
  assert.equal(
    urls("src/a.ts:3:1 - error TS2551: Property 'widgets' does not exist on type 'A'.")[0],
    "/typescript/ts2551/",
  );
  assert.equal(
    urls("Property 'widgets' does not exist on type 'A'. Did you mean 'widget'?")[0],
    "/typescript/ts2551/",
  );
  assert.equal(urls("Property 'widgets' does not exist on type 'A'.")[0], "/typescript/ts2339/");
});

test("a class name several runtimes share, alone, is a weak answer", () => {
  const [hit] = exactHits(lookup, readPaste("TypeError: Cannot read property 'length' of undefined"));
  assert.ok(!hit || hit.score < CONFIDENT, JSON.stringify(hit));
  const traceback = exactHits(
    lookup,
    readPaste('Traceback (most recent call last):\n  File "a.py", line 1\nValueError: bad'),
  );
  assert.equal(traceback[0]?.url, "/python/value-error/");
  assert.ok((traceback[0]?.score ?? 0) >= CONFIDENT);
});

test("in a traceback the last error decides; in a stack or tsc output, the first", () => {
  const chained = `Traceback (most recent call last):
  File "app.py", line 3, in <module>
NameError: name 'cfg' is not defined

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "app.py", line 5, in <module>
ValueError: invalid literal for int() with base 10: 'x'`;
  assert.equal(urls(chained)[0], "/python/invalid-literal-for-int/");
  const tsc =
    "a.ts(1,1): error TS2345: Argument of type 'x' is not assignable to parameter of type 'y'.\na.ts(2,1): error TS2339: Property 'y' does not exist on type 'z'.";
  assert.equal(urls(tsc)[0], "/typescript/ts2345/");
});

test("a wrapper's cause is the error that happened", () => {
  const wrapped = `TypeError: fetch failed
    at node:internal/deps/undici/undici:13502:13
    at async main (file:///srv/app/main.js:3:3) {
  [cause]: Error: connect ECONNREFUSED 127.0.0.1:3000
      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16) {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect'
  }
}`;
  assert.equal(urls(wrapped)[0], "/node/econnrefused/");
  // Without a cause, the wrapper is the answer.
  assert.equal(
    urls("TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13")[0],
    "/node/fetch-failed/",
  );
});

test("in a Python paste, an errno's own message names the class Python raises for it", () => {
  const driver = `Traceback (most recent call last):
  File "/srv/app/sync.py", line 88, in run
psycopg.OperationalError: connection failed: connection to server at "10.0.3.7", port 5432 failed: Connection refused`;
  assert.deepEqual(urls(driver).slice(0, 2), ["/python/connection-refused-error/", "/errno/econnrefused/"]);
  // Outside Python, the same words point to the errno.
  assert.equal(
    urls("connect() failed (111: Connection refused) while connecting to upstream")[0],
    "/errno/econnrefused/",
  );
});

test("a standard-library class written in full finds its own catalogue page, not every class of that name", () => {
  // Catalogue pages of classes whose bare names are shared (`Error`) are
  // filed under their full names only; a lowercase class (`socket.gaierror`)
  // is a class because it opens a traceback's last line.
  const withCatalogue = {
    ...lookup,
    entries: [
      ...lookup.entries,
      entry("/python/shutil-error/", {
        title: "shutil.Error",
        className: "shutil.Error",
        names: ["shutil.error"],
      }),
      entry("/python/sqlite3-error/", {
        title: "sqlite3.Error",
        className: "sqlite3.Error",
        names: ["sqlite3.error"],
      }),
      entry("/python/socket-gaierror/", {
        title: "socket.gaierror",
        className: "socket.gaierror",
        names: ["socket.gaierror", "gaierror"],
      }),
    ],
  };
  const traceback = (last: string) =>
    `Traceback (most recent call last):\n  File "/srv/app/copy.py", line 3, in <module>\n    run()\n${last}`;
  const shutil = exactHits(
    withCatalogue,
    readPaste(traceback("shutil.Error: Destination path '/tmp/x/a' already exists")),
  );
  assert.equal(shutil[0]?.url, "/python/shutil-error/");
  assert.ok(!shutil.some((hit) => hit.url === "/python/sqlite3-error/"), "sqlite3.Error is another class");
  const gai = exactHits(
    withCatalogue,
    readPaste(traceback("socket.gaierror: [Errno -2] Name or service not known")),
  );
  assert.equal(gai[0]?.url, "/python/socket-gaierror/");
});

test("a message entry's error raised as another class on some version still comes first", () => {
  const classPage = entry("/python/unicode-encode-error/", {
    title: "UnicodeEncodeError",
    className: "UnicodeEncodeError",
    names: ["unicodeencodeerror"],
    templates: ["'{codec}' codec can't encode character '{character}' in position {position}: {reason}"],
  });
  const idna = (raisedAs?: string[]) =>
    entry("/python/encoding-with-idna-codec-failed/", {
      title: "encoding with 'idna' codec failed",
      kind: "message",
      className: "UnicodeError",
      ...(raisedAs ? { raisedAs } : {}),
      templates: ["'idna' codec can't encode character '{character}' in position {position}: label empty"],
    });
  // Python 3.13's wording: a UnicodeEncodeError, where 3.9 to 3.12 raise a UnicodeError.
  const paste =
    "UnicodeEncodeError: 'idna' codec can't encode character '\\x2e' in position 0: label empty\nencoding with 'idna' codec failed";
  const first = (entries: LookupEntry[]) => exactHits({ entries, errno: [] }, readPaste(paste))[0]?.url;
  assert.equal(first([classPage, idna()]), "/python/unicode-encode-error/");
  assert.equal(first([classPage, idna(["UnicodeEncodeError"])]), "/python/encoding-with-idna-codec-failed/");
});
