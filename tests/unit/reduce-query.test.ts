import { test } from "node:test";
import assert from "node:assert/strict";
import { reduceQuery } from "../../src/lib/search/reduce-query.ts";

test("a whole Python traceback reduces to its final exception", () => {
  const traceback = `Traceback (most recent call last):
  File "/home/ana/app/db.py", line 12, in connect
    sock = socket.create_connection((host, port))
  File "/usr/lib/python3.11/socket.py", line 851, in create_connection
    raise exceptions[0]
ConnectionRefusedError: [Errno 111] Connection refused`;
  assert.deepEqual(reduceQuery(traceback), {
    form: "python-traceback",
    className: "ConnectionRefusedError",
    message: "[Errno 111] Connection refused",
    text: "ConnectionRefusedError [Errno 111] Connection refused",
  });
});

test("in a chained traceback the last exception decides", () => {
  const chained = `Traceback (most recent call last):
  File "app.py", line 3, in <module>
    config["port"]
KeyError: 'port'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "app.py", line 5, in <module>
    raise ValueError("no port configured")
ValueError: no port configured`;
  assert.equal(reduceQuery(chained).className, "ValueError");
  assert.equal(reduceQuery(chained).message, "no port configured");
});

test("pytest's E lines and module-qualified classes are read", () => {
  const pytest = `    def test_port():
>       assert config["port"] == 80
E       KeyError: 'port'

tests/test_config.py:4: KeyError`;
  assert.equal(reduceQuery(pytest).className, "KeyError");
  assert.equal(
    reduceQuery(
      'Traceback (most recent call last):\n  File "x"\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    ).className,
    "JSONDecodeError",
  );
});

test("a Node.js stack trace reduces to the thrown error and its code", () => {
  const stack = `node:events:497
      throw er; // Unhandled 'error' event
      ^

Error: connect ECONNREFUSED 127.0.0.1:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16)
Emitted 'error' event on Socket instance at:
    at emitErrorNT (node:internal/streams/destroy:170:8) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 5432
}

Node.js v24.11.0`;
  const reduced = reduceQuery(stack);
  assert.equal(reduced.form, "node-stack");
  assert.equal(reduced.code, "ECONNREFUSED");
  assert.equal(reduced.message, "connect ECONNREFUSED 127.0.0.1:5432");
});

test("Error [ERR_X] headers give the code", () => {
  const reduced = reduceQuery(
    "node:internal/modules/esm/resolve:275\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find module '/app/src/config' imported from /app/src/index.js",
  );
  assert.equal(reduced.code, "ERR_MODULE_NOT_FOUND");
  assert.equal(reduced.className, "Error");
});

test("tsc and editor lines give the TS code; bare codes stay codes", () => {
  const reduced = reduceQuery(
    "src/a.ts(3,7): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.",
  );
  assert.equal(reduced.form, "tsc");
  assert.equal(reduced.code, "TS2345");
  assert.equal(reduceQuery("ts2345").code, "TS2345");
  assert.equal(reduceQuery("econnrefused").code, "ECONNREFUSED");
});

test("browser console lines are read", () => {
  const reduced = reduceQuery(
    "Uncaught TypeError: Cannot read properties of null (reading 'addEventListener')\n    at main.js:3:9",
  );
  assert.equal(reduced.form, "console");
  assert.equal(reduced.className, "TypeError");
  assert.equal(reduced.message, "Cannot read properties of null (reading 'addEventListener')");
});

test("error numbers in every form", () => {
  for (const form of ["111", "-111", "[Errno 111]", "errno 111", "Errno 111"]) {
    assert.equal(reduceQuery(form).number, 111, form);
    assert.equal(reduceQuery(form).form, "number", form);
  }
  assert.deepEqual(reduceQuery("WinError 10061"), {
    form: "number",
    number: 10061,
    windows: true,
    text: "10061",
  });
  assert.equal(reduceQuery("[WinError 10061]").number, 10061);
});

test("plain words and bare messages pass through", () => {
  assert.deepEqual(reduceQuery("address already in use"), {
    form: "text",
    message: "address already in use",
    text: "address already in use",
  });
  assert.equal(reduceQuery("ModuleNotFoundError: No module named 'pandas'").className, "ModuleNotFoundError");
});

test("hostile and huge input is cut and cleaned, never thrown on", () => {
  const huge = "x".repeat(50_000);
  assert.ok(reduceQuery(huge).text.length <= 200);
  assert.equal(reduceQuery("a\u0000b\u001bc").text, "a b c");
  assert.equal(reduceQuery("<script>alert(1)</script>").text, "<script>alert(1)</script>");
});

test("a traceback flattened onto one line still yields its final exception", () => {
  const flat =
    'Traceback (most recent call last):   File "/srv/a.py", line 3, in <module>     x = d["k"] KeyError: \'k\'';
  assert.equal(reduceQuery(flat).className, "KeyError");
  assert.equal(reduceQuery(flat).message, "'k'");
});

test("a paste longer than the limit keeps its head and its tail", () => {
  const frames = `  File "/srv/app/x.py", line 1, in <module>\n`.repeat(1_000);
  const traceback = `Traceback (most recent call last):\n${frames}KeyError: 'customer'`;
  assert.ok(traceback.length > 40_000);
  assert.equal(reduceQuery(traceback).className, "KeyError");
  const stack = `Error: connect ECONNREFUSED 127.0.0.1:5432\n${"    at f (/srv/app/x.js:1:1)\n".repeat(2_000)}`;
  assert.ok(stack.length > 40_000);
  assert.equal(reduceQuery(stack).message, "connect ECONNREFUSED 127.0.0.1:5432");
});

test("VS Code's ts(N) suffix gives the TS code", () => {
  assert.deepEqual(
    reduceQuery("Argument of type 'string' is not assignable to parameter of type 'number'.ts(2345)"),
    {
      form: "tsc",
      code: "TS2345",
      message: "Argument of type 'string' is not assignable to parameter of type 'number'.",
      text: "TS2345 Argument of type 'string' is not assignable to parameter of type 'number'.",
    },
  );
});
