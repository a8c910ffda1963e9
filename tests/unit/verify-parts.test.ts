import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesTemplate, matchingTemplate } from "../../src/entry/message-templates.ts";
import { normaliseOutput } from "../../src/verify/normalise.ts";
import { finalPythonException } from "../../src/verify/python-runner.ts";

test("templates match the user's values in their placeholders, and nothing else", () => {
  assert.ok(matchesTemplate("No module named '{module}'", "No module named 'pandas'"));
  assert.ok(matchesTemplate("[Errno {errno}] Connection refused", "[Errno 111] Connection refused"));
  assert.equal(matchesTemplate("[Errno {errno}] Connection refused", "[Errno 111] Connection reset"), false);
  assert.equal(matchesTemplate("Type '{a}' is not assignable.", "xType 'a' is not assignable."), false);
  assert.equal(matchingTemplate("'port'", ["{key} is missing", "'{key}'"]), "'{key}'");
  assert.equal(matchingTemplate("oops", ["'{key}'"]), undefined);
});

test("the final exception of a chained traceback decides", () => {
  const output = [
    "Traceback (most recent call last):",
    '  File "a.py", line 2, in <module>',
    "KeyError: 'a'",
    "",
    "During handling of the above exception, another exception occurred:",
    "",
    "Traceback (most recent call last):",
    '  File "a.py", line 4, in <module>',
    "    raise ValueError('bad\\nvalue')",
    "ValueError: bad",
    "value",
  ].join("\n");
  assert.deepEqual(finalPythonException(output), { className: "ValueError", message: "bad\nvalue" });
  assert.deepEqual(
    finalPythonException('Traceback (most recent call last):\n  File "x", line 1\nKeyboardInterrupt'),
    {
      className: "KeyboardInterrupt",
      message: "",
    },
  );
  assert.equal(finalPythonException("all good\n"), undefined);
});

test("a syntax error without a traceback header is still read", () => {
  const output = "  File \"snippet.py\", line 1\n    print(1\n         ^\nSyntaxError: '(' was never closed";
  assert.deepEqual(finalPythonException(output), {
    className: "SyntaxError",
    message: "'(' was never closed",
  });
});

test("outputs are normalised for paths, ports, internals, addresses, timings and the Node footer", () => {
  const raw = [
    'File "/tmp/errdex-snippet-abc/snippet.py", line 3',
    'File "/usr/lib/python3.11/socket.py", line 851, in create_connection',
    "Error: connect ECONNREFUSED 127.0.0.1:41455",
    "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16) {",
    "  port: 41455",
    "      localPort: 50410, remotePort: 36065,",
    "listening on ('127.0.0.1', 50123); config port: 8080; server at :::38695",
    "<object at 0x7f3a2b1c4d50> pid=4242",
    "(node:16294) Warning: Failed to load the ES module",
    "done in 51 ms   ",
    "Node.js v24.21.0",
    "",
  ].join("\n");
  assert.equal(
    normaliseOutput(raw, { scratchDir: "/tmp/errdex-snippet-abc", pythonLib: "/usr/lib/python3.11" }),
    [
      'File "<scratch>/snippet.py", line 3',
      'File "<python-lib>/socket.py", line <n>, in create_connection',
      "Error: connect ECONNREFUSED 127.0.0.1:<port>",
      "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:<line>) {",
      "  port: <port>",
      "      localPort: <port>, remotePort: <port>,",
      "listening on ('127.0.0.1', <port>); config port: 8080; server at :::<port>",
      "<object at 0x<addr>> pid=<pid>",
      "(node:<pid>) Warning: Failed to load the ES module",
      "done in <n> ms",
      "Node.js <version>",
    ].join("\n"),
  );
});

test("a snippet's libraries read as its own: Debian's dist-packages and the npm cache, with HTTP dates and quoted ports", () => {
  const raw = [
    'File "/usr/lib/python3/dist-packages/requests/adapters.py", line 519, in send',
    "    at settle (file:///work/node_modules/.cache/errdex-snippet-packages/axios_1.7.9/node_modules/axios/lib/core/settle.js:19:12)",
    "        date: 'Mon, 07 Dec 2026 15:50:01 GMT',",
    "        port: '37793',",
    "HTTPConnectionPool(host='127.0.0.1', port=41455): Read timed out.",
    "added 1 package in 716ms",
    "added 5 packages in 1s",
  ].join("\n");
  assert.equal(
    normaliseOutput(raw, {
      scratchDir: "/tmp/errdex-snippet-abc",
      pythonPackages: "/usr/lib/python3/dist-packages",
      nodeModules: "/work/node_modules/.cache/errdex-snippet-packages/axios_1.7.9/node_modules",
    }),
    [
      'File "<site-packages>/requests/adapters.py", line <n>, in send',
      "    at settle (file://<scratch>/node_modules/axios/lib/core/settle.js:19:12)",
      "        date: '<date>',",
      "        port: '<port>',",
      "HTTPConnectionPool(host='127.0.0.1', port=<port>): Read timed out.",
      "added 1 package in <time>",
      "added 5 packages in <time>",
    ].join("\n"),
  );
});
