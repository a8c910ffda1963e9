import { test } from "node:test";
import assert from "node:assert/strict";
import { readPaste, type Mention } from "../../src/search/paste.ts";

const classes = (text: string, at?: Mention["at"]) =>
  readPaste(text)
    .mentions.filter((m) => m.kind === "class" && (!at || m.at === at))
    .map((m) => m.value);
const codes = (text: string) =>
  readPaste(text)
    .mentions.filter((m) => m.kind === "code")
    .map((m) => m.value);
const errnos = (text: string) =>
  readPaste(text)
    .mentions.filter((m) => m.kind === "errno")
    .map((m) => `${m.value}/${m.system}${m.format ? `/${m.format}` : ""}`);

test("a Python traceback: its classes, its errno in Python's format, and the language", () => {
  const traceback = `Traceback (most recent call last):
  File "/home/ana/app/db.py", line 12, in connect
    sock = socket.create_connection((host, port))
ConnectionRefusedError: [Errno 111] Connection refused`;
  const paste = readPaste(traceback);
  assert.equal(paste.language, "python");
  assert.equal(paste.form, "python-traceback");
  assert.deepEqual(classes(traceback, "header"), ["ConnectionRefusedError"]);
  assert.deepEqual(errnos(traceback), ["111/any/python"]);
});

test("a Node.js stack: the header's class, the code field and libuv's Windows errno", () => {
  const stack = `Error: connect ECONNREFUSED 127.0.0.1:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16) {
  errno: -4078,
  code: 'ECONNREFUSED',
  syscall: 'connect'
}`;
  const paste = readPaste(stack);
  assert.equal(paste.language, "node");
  assert.deepEqual(classes(stack, "header"), ["Error"]);
  assert.ok(codes(stack).includes("ECONNREFUSED"));
  assert.deepEqual(errnos(stack), ["4078/libuv/node"]);
});

test("tsc, webpack and editor forms all give the TS code", () => {
  assert.deepEqual(codes("src/a.ts(3,7): error TS2345: Argument of type 'string'"), ["TS2345"]);
  assert.deepEqual(codes("[tsl] ERROR in /app/src/a.ts(3,7)\n      TS2322: Type 'string'"), ["TS2322"]);
  assert.deepEqual(codes("Argument of type 'string' is not assignable.ts(2345)"), ["TS2345"]);
  assert.deepEqual(codes("Cannot find name 'x'.  TS2304"), ["TS2304"]);
  assert.equal(readPaste("src/a.ts(3,7): error TS2345: x").language, "typescript");
});

test("log prefixes, JSON strings and reprs are read where they stand", () => {
  const log = "2024-05-01 08:12:33 WARNING [worker.sync] giving up: OSError(24, 'Too many open files')";
  assert.deepEqual(classes(log, "repr"), ["OSError"]);
  assert.deepEqual(errnos(log), ["24/any/python"]);
  const json = `{"level":50,"err":{"type":"Error","message":"getaddrinfo ENOTFOUND db","stack":"Error: getaddrinfo ENOTFOUND db\\n    at GetAddrInfoReqWrap.onlookup (node:dns:1:1)"}}`;
  const paste = readPaste(json);
  assert.ok(paste.lines.some((line) => line.text === "getaddrinfo ENOTFOUND db"));
  assert.ok(paste.lines.some((line) => line.text === "at GetAddrInfoReqWrap.onlookup (node:dns:1:1)"));
  assert.ok(codes(json).includes("ENOTFOUND"));
  assert.deepEqual(errnos("connect() failed (111: Connection refused) while connecting"), ["111/linux"]);
  assert.deepEqual(errnos("[WinError 10061] No connection could be made"), ["10061/windows/python"]);
});

test("a message may start after any prefix, and after `Class: ` it knows its class", () => {
  const line = readPaste("app_1  | 12:00:01 ERROR KeyError: 'user_id'").lines[0]!;
  const start = line.starts.find((s) => line.text.slice(s.at).startsWith("'user_id'"));
  assert.equal(start?.label, "KeyError");
  assert.ok(line.starts.some((s) => line.text.slice(s.at).startsWith("ERROR KeyError")));
});

test("error numbers alone, in every form", () => {
  for (const form of ["111", "-111", "[Errno 111]", "errno 111", "Errno 111"]) {
    assert.deepEqual(readPaste(form).number, { value: 111, system: "any" }, form);
  }
  assert.deepEqual(readPaste("WinError 10061").number, { value: 10061, system: "windows" });
  assert.deepEqual(readPaste("-4058").number, { value: 4058, system: "libuv" });
  assert.equal(readPaste("ECONNREFUSED 111").number, undefined);
});

test("Python 2's u'' reprs read as Python 3's", () => {
  const line = readPaste("IOError: [Errno 2] No such file or directory: u'/srv/a.txt'").lines[0]!;
  assert.equal(line.text, "IOError: [Errno 2] No such file or directory: '/srv/a.txt'");
});

test("a long paste keeps its head, its tail and the marked lines between", () => {
  const frames = `  File "/srv/app/x.py", line 1, in <module>\n`.repeat(5_000);
  const traceback = `Traceback (most recent call last):\n${frames}KeyError: 'customer'`;
  const paste = readPaste(traceback);
  assert.ok(paste.lines.length < 400, `${paste.lines.length} lines kept`);
  assert.deepEqual(classes(traceback, "header"), ["KeyError"]);
  const log = `${"INFO all is well\n".repeat(20_000)}WARN retry: ECONNRESET on upstream\n${"INFO all is well\n".repeat(20_000)}`;
  assert.ok(codes(log).includes("ECONNRESET"));
  const stack = `Error: connect ECONNREFUSED 127.0.0.1:5432\n${"    at f (/srv/app/x.js:1:1)\n".repeat(20_000)}`;
  assert.ok(
    readPaste(stack).lines.some((line) => line.text === "Error: connect ECONNREFUSED 127.0.0.1:5432"),
  );
});

test("hostile and huge input is cleaned, cut and never thrown on", () => {
  assert.equal(readPaste("a\u0000b\u001b[31mc").whole, "a bc");
  assert.equal(readPaste("<script>alert(1)</script>").whole, "<script>alert(1)</script>");
  const huge = readPaste("x".repeat(5_000_000));
  assert.ok(huge.whole.length <= 200);
  assert.ok(huge.lines.every((line) => line.text.length <= 2_000));
  assert.deepEqual(readPaste("").lines, []);
  assert.deepEqual(readPaste("\n\n\r\n").lines, []);
});
