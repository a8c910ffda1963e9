import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The verifier's own tests: each case copies the passing fixture tree
 * (tests/fixtures/verify), breaks one thing the way an entry really breaks,
 * runs `npm run verify` on it for real, and checks that the failure is
 * caught and reported with the file, line, role and expected-vs-actual.
 */

const FIXTURE = path.resolve("tests/fixtures/verify");
const CLI = path.resolve("src/verify/cli.ts");
const PYTHON = "content/errors/python/key-error.mdx";
const NODE = "content/errors/node/enoent.mdx";
const TYPESCRIPT = "content/errors/typescript/ts2322.mdx";
/** Its snippets bring their own files: a tsconfig.json, a module the fix imports. */
const PROJECT = "content/errors/typescript/ts6133.mdx";
/** Its snippets are commands a reader types (```console). */
const CONSOLE = "content/errors/python/externally-managed-environment.mdx";

function edit(root: string, file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, "utf8");
  assert.ok(text.includes(from), `fixture ${file} no longer contains ${JSON.stringify(from)}`);
  writeFileSync(full, text.replace(from, to));
}

function verify(
  change: (root: string) => void,
  args: string[] = [],
): { status: number | null; output: string } {
  const root = mkdtempSync(path.join(tmpdir(), "errdex-verify-test-"));
  try {
    cpSync(FIXTURE, root, { recursive: true });
    change(root);
    const run = spawnSync(process.execPath, [CLI, "--root", root, ...args], { encoding: "utf8" });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Each case runs the real verifier (a few seconds); two at a time use both cores.
describe("npm run verify", { concurrency: 2 }, () => {
  test("the fixture passes: every snippet keeps its role and matches its recording", () => {
    const { status, output } = verify(() => {});
    assert.equal(status, 0, output);
    // Each Python snippet on five Pythons, each TypeScript one under three compilers and (where it
    // runs) on three Node.js versions, console snippets on one runtime, the probe on Python 2.7.
    assert.match(
      output,
      /^56 runs on 12 runtimes \(\d+ run now, \d+ unchanged since recorded\): 56 passed, 0 failed$/m,
    );
    assert.match(
      output,
      /5 entries; 16 snippets: console bad 1, console fix 1, console repro 1, probe 1, python bad 1, python fix 1, python repro 1, ts bad 3, ts fix 3, ts repro 3/,
    );
  });

  test("a repro that no longer raises is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, 'print(config["port"])', 'print(config.get("port"))'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /✘ content\/errors\/python\/key-error\.mdx:31 repro \(python\) on python [\d.]+\n {2}expected it to fail with KeyError, got exit status 0, no traceback/,
    );
    // On every one of the five Pythons.
    assert.match(output, /: 51 passed, 5 failed$/m);
  });

  test("a repro that raises a different error is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, 'print(config["port"])', 'print(int(config["host"]))'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /repro \(python\) on python [\d.]+\n {2}expected it to fail with KeyError, got ValueError: invalid literal for int\(\) with base 10: 'localhost'/,
    );
  });

  test("a repro whose message matches no template is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, `messages: ["'{key}'"]`, `messages: ["'{key}' is missing"]`),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /KeyError message matches none of the entry's templates:\n {4}got: {6}'port'\n {4}template: '\{key\}' is missing/,
    );
  });

  test("a fix with a syntax error is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, 'print(config.get("port", 8080))', 'print(config.get("port", 8080)'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /:38 fix \(python\) on python [\d.]+\n {2}expected a clean exit, got SyntaxError: '\(' was never closed/,
    );
  });

  test("a fix that raises is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, 'print(config.get("port", 8080))', 'print(config["port"])  # no default'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /:38 fix \(python\) on python [\d.]+\n {2}expected a clean exit, got KeyError: 'port'/,
    );
  });

  test("a fix that never finishes is stopped at the time limit", () => {
    const { status, output } = verify(
      (root) => edit(root, PYTHON, 'print(config.get("port", 8080))', "while True:\n    pass"),
      ["--timeout", "2"],
    );
    assert.equal(status, 1);
    assert.match(output, /:38 fix \(python\) on python [\d.]+\n {2}did not finish within 2 s/);
  });

  test("a bad snippet that does not parse is caught", () => {
    const { status, output } = verify((root) => edit(root, PYTHON, "except KeyError:", "except KeyError"));
    assert.equal(status, 1);
    assert.match(output, /:49 bad \(python\) on python [\d.]+\n {2}does not parse:/);
  });

  test("a TypeScript repro that type-checks clean is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, TYPESCRIPT, 'const port: number = "8080";', "const port: number = 8080;"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /ts2322\.mdx:26 repro \(ts\) on [a-z]+ [\d.]+\n {2}expected TS2322, but it type-checks clean/,
    );
  });

  test("a TypeScript repro that yields another TS code is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, TYPESCRIPT, 'const port: number = "8080";', "const port: number = portFromEnv;"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /repro \(ts\) on [a-z]+ [\d.]+\n {2}expected only TS2322, got:\n {4}snippet\.ts\(1,22\): error TS2304: Cannot find name 'portFromEnv'\./,
    );
  });

  test("a Node.js repro that throws with another code is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, NODE, 'readFileSync("settings.json", "utf8");\n```', 'readFileSync(".", "utf8");\n```'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /enoent\.mdx:27 repro \(ts\) on [a-z]+ [\d.]+\n {2}expected error\.code ENOENT, got Error \[EISDIR\]: EISDIR: illegal operation on a directory, read/,
    );
  });

  test("a Node.js fix that does not type-check under --strict is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, NODE, "(error as NodeJS.ErrnoException).code", "error.code"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /fix \(ts\) on [a-z]+ [\d.]+\n {2}does not type-check under --strict:\n {4}snippet\.ts\(\d+,\d+\): error TS18046: 'error' is of type 'unknown'\./,
    );
  });

  test("a recorded output that no longer matches is caught, showing both", () => {
    const { status, output } = verify((root) =>
      edit(root, "content/errors/python/key-error.verified.json", "KeyError: 'port'", "KeyError: 'host'"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /repro \(python\) on python [\d.]+\n {2}output differs from the recording \(exit 1 recorded, 1 now\):\n {2}recorded:\n[\s\S]*KeyError: 'host'\n {2}actual:\n[\s\S]*KeyError: 'port'/,
    );
  });

  test("a snippet changed without re-recording is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, 'print(config.get("port", 8080))', 'print(config.get("port", 8081))'),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /fix \(python\) on python 3\.11\.7\n {2}has no recorded output: run `npm run verify -- --update`/,
    );
    assert.match(output, /fix \(python\) on python 3\.9\.18\n {2}has no recorded output for python 3\.9\.18/);
    // The page's own Python and the four others.
    assert.match(output, /: 51 passed, 5 failed$/m);
  });

  test("a snippet is checked under the tsconfig.json its file= fence gives, and run beside its files", () => {
    const { status, output } = verify((root) => edit(root, PROJECT, '"noUnusedLocals": true, ', ""));
    assert.equal(status, 1);
    assert.match(
      output,
      /ts6133\.mdx:30 repro \(ts\) on [a-z]+ [\d.]+\n {2}expected TS6133, but it type-checks clean/,
    );
    // The fix imports ./ports.ts, its other file, and ran: only the repro failed, under each of the three compilers.
    assert.match(output, /: 53 passed, 3 failed$/m);
  });

  test("a file a snippet needs, edited without re-recording, is caught", () => {
    const { status, output } = verify((root) =>
      edit(root, PROJECT, "export const fallback = 8080;", "export const fallback = 8081;"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /ts6133\.mdx:41 fix \(ts\) on [a-z]+ [\d.]+\n {2}its files \(the `file=` fences before it\) changed/,
    );
  });

  test("console commands run in order: a repro whose commands all succeed, and a fix that fails, are caught", () => {
    const { status, output } = verify((root) => {
      edit(root, CONSOLE, "$ python3 -m pip install requests", "$ python3 -m pip --version");
      edit(
        root,
        CONSOLE,
        "$ python3 -m venv --without-pip .venv",
        "$ python3 -m venv --without-pip /proc/.venv",
      );
    });
    assert.equal(status, 1);
    assert.match(
      output,
      /externally-managed-environment\.mdx:\d+ repro \(console\) on [a-z]+ [\d.]+\n {2}expected a command to fail/,
    );
    assert.match(
      output,
      /externally-managed-environment\.mdx:\d+ fix \(console\) on [a-z]+ [\d.]+\n {2}expected every command to succeed, one exited with 1/,
    );
  });

  test("a recording left over from a removed snippet is caught", () => {
    const { status, output } = verify((root) =>
      edit(
        root,
        "content/errors/python/key-error.verified.json",
        '"snippets": [',
        `"snippets": [{ "hash": "0000000000000000", "role": "fix", "lang": "python", "line": 99, "output": "", "exitCode": 0 },`,
      ),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /key-error\.mdx: recording has 1 output\(s\) for snippets that no longer exist \(lines 99\)/,
    );
  });

  test("an entry without a role is caught", () => {
    const { status, output } = verify((root) => edit(root, PYTHON, "```python bad", "```python"));
    assert.equal(status, 1);
    assert.match(output, /key-error\.mdx: has no `bad` snippet/);
  });

  test("a snippet that misbehaves on one supported version is caught, naming the version", () => {
    // `match` arrived in Python 3.10: on 3.9 the fix is a syntax error.
    const { status, output } = verify((root) =>
      edit(
        root,
        PYTHON,
        'print(config.get("port", 8080))',
        'match config:\n    case {"port": port}:\n        print(port)\n    case _:\n        print(8080)',
      ),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /key-error\.mdx:38 fix \(python\) on python 3\.9\.18\n {2}expected a clean exit, got SyntaxError: invalid syntax/,
    );
    assert.doesNotMatch(output, /fix \(python\) on python 3\.1[0-3]\.\d+\n {2}expected/);
  });

  test("a snippet's since= fence runs it only on the versions it claims", () => {
    const { status, output } = verify(
      (root) =>
        edit(
          root,
          PYTHON,
          '```python fix\nconfig = {"host": "localhost"}\nprint(config.get("port", 8080))',
          '```python fix since=3.10\nconfig = {"host": "localhost"}\nmatch config:\n    case {"port": port}:\n        print(port)\n    case _:\n        print(8080)',
        ),
      ["--update"],
    );
    assert.equal(status, 0, output);
    assert.doesNotMatch(output, /✘/);
  });

  test("an entry's versions span is held: a repro that reproduces outside it is caught", () => {
    const { status, output } = verify((root) =>
      edit(
        root,
        PYTHON,
        "parent: LookupError\n",
        'parent: LookupError\nversions:\n  python:\n    since: "3.10"\n',
      ),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /key-error\.mdx:34 repro \(python\) on python 3\.9\.18\n {2}reproduces the error on python 3\.9\.18, but the entry's versions say since 3\.10/,
    );
  });

  test("other versions' runs are taken from the recording while their keys hold, and run again with --no-cache", () => {
    const cached = verify(() => {});
    const [, ranNow, unchanged] =
      /\((\d+) run now, (\d+) unchanged since recorded\)/.exec(cached.output) ?? [];
    assert.ok(Number(unchanged) > 0, cached.output);
    const again = verify(() => {}, ["--no-cache"]);
    assert.equal(again.status, 0, again.output);
    assert.match(
      again.output,
      new RegExp(`\\(${Number(ranNow) + Number(unchanged)} run now, 0 unchanged since recorded\\)`),
    );
  });

  test("a run key that no longer matches is run again and fails until re-recorded", () => {
    const { status, output } = verify((root) => {
      const file = path.join(root, "content/errors/python/key-error.verified.json");
      const recording = JSON.parse(readFileSync(file, "utf8")) as {
        snippets: { role: string; runs: Record<string, string> }[];
      };
      const repro = recording.snippets.find((snippet) => snippet.role === "repro")!;
      repro.runs["python 3.12.1"] = "0000000000000000";
      writeFileSync(file, JSON.stringify(recording));
    });
    assert.equal(status, 1);
    assert.match(
      output,
      /repro \(python\) on python 3\.12\.1\n {2}the recording's run key for python 3\.12\.1 is out of date/,
    );
  });

  test("a probe on a legacy version must fail with one of the entry's wordings", () => {
    const { status, output } = verify((root) =>
      edit(root, PYTHON, "print(config['port'])", "print(config.get('port'))"),
    );
    assert.equal(status, 1);
    assert.match(
      output,
      /key-error\.mdx: probes\.0 on python 2\.7\.18\n {2}expected it to fail with KeyError, got exit status 0/,
    );
  });

  test("malformed front matter stops the run before anything executes, naming file and field", () => {
    const { status, output } = verify((root) => edit(root, PYTHON, "kind: exception", "kind: warning"));
    assert.equal(status, 1);
    assert.match(
      output,
      /cannot read 1 entry:\n {2}content\/errors\/python\/key-error\.mdx:4: the front matter does not fit the schema:\n✖ Invalid option: .*\n {2}→ at kind/,
    );
    assert.doesNotMatch(output, /passed/);
  });
});
