/**
 * Makes a run's output stable across machines and runs, so a recording can
 * be compared byte for byte: scratch folders, install paths, ports, pids,
 * addresses, timings and the Node.js version footer are replaced by
 * placeholders in angle brackets.
 */

export interface NormaliseContext {
  /** The snippet's scratch folder. */
  scratchDir: string;
  /** Python's standard library folder (`…/lib/python3.11`). */
  pythonLib?: string;
  /** The Python interpreter's own path. */
  pythonExecutable?: string;
  /** Where the snippet's third-party libraries live (Debian's dist-packages). */
  pythonPackages?: string;
  /** The npm package cache folder linked in as the snippet's node_modules (npm-packages.ts). */
  nodeModules?: string;
  /** The npm cache a console snippet installs from offline: shown as npm's default, `~/.npm`. */
  npmCache?: string;
}

/** Ports the kernel hands out for bind(0) and outgoing connections. */
const EPHEMERAL_PORT = String.raw`(?:3[2-9]\d{3}|[4-5]\d{4}|6[0-5]\d{3})`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function normaliseOutput(output: string, context: NormaliseContext): string {
  let text = output.replace(/\r\n/g, "\n");
  // Linked-in packages show as what they are to the snippet: its own node_modules.
  if (context.nodeModules) {
    text = text.replace(new RegExp(escape(context.nodeModules), "g"), `${context.scratchDir}/node_modules`);
  }
  if (context.npmCache) text = text.replace(new RegExp(escape(context.npmCache), "g"), "~/.npm");
  // npm's default cache, in the snippet's home (its scratch folder).
  text = text.replace(new RegExp(`${escape(context.scratchDir)}/\\.npm\\b`, "g"), "~/.npm");
  text = text.replace(new RegExp(escape(context.scratchDir), "g"), "<scratch>");
  // Before the standard library: its site-packages may lie inside it.
  if (context.pythonPackages) {
    text = text.replace(new RegExp(escape(context.pythonPackages), "g"), "<site-packages>");
  }
  if (context.pythonLib) {
    text = text.replace(new RegExp(escape(context.pythonLib), "g"), "<python-lib>");
  }
  if (context.pythonExecutable) {
    text = text.replace(new RegExp(escape(context.pythonExecutable), "g"), "<python>");
  }
  return (
    text
      // Standard-library and library frames move between patch releases; keep the file, drop the line.
      .replace(/(File "<(?:python-lib|site-packages)>\/[^"]+", line )\d+/g, "$1<n>")
      .replace(/\b(node:[\w/]+):\d+(?::\d+)?/g, "$1:<line>")
      .replace(/^Node\.js v\d+\.\d+\.\d+$/gm, "Node.js <version>")
      // Ports: host:port pairs, Node's `port: 41455` (and undici's `localPort`,
      // `remotePort`) and Python's ('127.0.0.1', 41455).
      .replace(
        new RegExp(String.raw`(127\.0\.0\.1|0\.0\.0\.0|localhost|\[::1?\]|::1?):${EPHEMERAL_PORT}\b`, "g"),
        "$1:<port>",
      )
      .replace(
        new RegExp(String.raw`\b(port|localPort|remotePort): (['"]?)${EPHEMERAL_PORT}\2`, "g"),
        "$1: $2<port>$2",
      )
      // npm's log file names (`_logs/2026-12-07T15_51_45_065Z-debug-0.log`); dates a snippet prints stay.
      .replace(/(_logs\/)\d{4}-\d{2}-\d{2}T\d{2}_\d{2}_\d{2}_\d{3}Z/g, "$1<timestamp>")
      // HTTP dates (a response's Date header, as a client library prints it).
      .replace(
        /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g,
        "<date>",
      )
      .replace(new RegExp(String.raw`\('(127\.0\.0\.1|::1)', ${EPHEMERAL_PORT}\)`, "g"), "('$1', <port>)")
      // urllib3's pools: HTTPConnectionPool(host='127.0.0.1', port=41455).
      .replace(new RegExp(String.raw`\bport=${EPHEMERAL_PORT}\b`, "g"), "port=<port>")
      .replace(/\bpid[ =:]+\d+/gi, (match) => match.replace(/\d+$/, "<pid>"))
      // Node.js warnings start with the process id: `(node:12345) Warning: …`.
      .replace(/^\(node:\d+\)/gm, "(node:<pid>)")
      .replace(/\b0x[0-9a-f]{6,16}\b/gi, "0x<addr>")
      // npm's summary, `added 5 packages in 716ms` or `… in 1s`: one form whatever the machine's speed.
      .replace(/^((?:added|removed|changed|audited|up to date)\b.*\bin )\d+(?:\.\d+)?m?s$/gm, "$1<time>")
      .replace(/\b\d+(\.\d+)? ?(ms|milliseconds|seconds)\b/g, "<n> $2")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n+$/, "")
  );
}
