/**
 * Synthetic but schema-valid entries for the build benchmark: realistic
 * prose length, the six sections (the Fix section ending in its "Why this
 * works"), three or four snippets each, and a recording for every
 * snippet, so a synthetic page weighs what a real one does. One entry in
 * eight uses components as real entries do (a cross-reference, an errno
 * badge, a callout), so it takes @astrojs/mdx's path and the rest the
 * loader's (see src/content-layer/loader.ts). Deterministic (seeded), so two
 * runs build the same site.
 */
import { snippetHash, type EntryRecording } from "../../src/entry/recordings.ts";

/** One generated entry: its path under `content/errors/`, its MDX and its recording. */
export interface SyntheticEntry {
  file: string;
  mdx: string;
  recording: EntryRecording;
}

// A small, fast, seeded PRNG (mulberry32).
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the a request handler worker connection socket file path module config value key index buffer stream " +
  "process signal timeout retry queue cache record field schema parser encoder payload header client server " +
  "when if because after before while unless until every each some no first last next previous " +
  "reads writes opens closes sends receives parses checks raises throws returns calls starts stops " +
  "missing empty invalid stale partial unexpected duplicate closed open busy slow large small remote local " +
  "in on at from into with without for to of by over under between through"
).split(" ");
const VERBS = [
  "parse",
  "load",
  "decode",
  "resolve",
  "read",
  "write",
  "connect",
  "render",
  "validate",
  "flush",
];
const NOUNS = [
  "widget",
  "ledger",
  "manifest",
  "catalog",
  "session",
  "payload",
  "fixture",
  "bundle",
  "report",
];
const PYTHON_PARENTS = ["ValueError", "TypeError", "KeyError", "RuntimeError", "OSError", "LookupError"];
const NODE_PARENTS = ["TypeError", "RangeError", "Error", "SyntaxError"];
const CATEGORY_KEYS = [
  "network",
  "filesystem",
  "modules",
  "lookup",
  "types",
  "syntax",
  "encoding",
  "runtime",
];
const ERRNO_NAMES = ["ECONNREFUSED", "ENOENT", "EACCES", "EPIPE", "ETIMEDOUT", "EEXIST"];

/** Builds `count` entries: about 40% Python, 35% Node.js, 25% TypeScript. */
export function syntheticEntries(count: number, seed = 42): SyntheticEntry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(next() * (max - min));
    const words = Array.from({ length: n }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(8, 18)).join(" ");

  const plan = Array.from({ length: count }, (_, i) => {
    const share = i % 20;
    const language = share < 8 ? "python" : share < 15 ? "node" : "typescript";
    const id = i.toString().padStart(5, "0");
    const verb = pick(VERBS);
    const noun = pick(NOUNS);
    if (language === "typescript") {
      const code = `TS${10000 + i}`;
      return { language, slug: code.toLowerCase(), title: code, code, verb, noun, id };
    }
    const message = `bench ${noun} n${id} could not ${verb} {name}`;
    return {
      language,
      slug: `bench-${noun}-n${id}-could-not-${verb}`,
      title: `bench ${noun} n${id} could not ${verb}`,
      message,
      verb,
      noun,
      id,
    };
  });

  return plan.map((item, i) => {
    const related = [1, 2, 3]
      .map((step) => plan[(i + step * 7) % count]!)
      .filter((other) => other !== item)
      .map((other) => `${other.language}/${other.slug}`);
    const carriesErrno = next() < 0.1 && item.language !== "typescript";
    const carriesErrnoName = carriesErrno ? pick(ERRNO_NAMES) : "";
    const parent =
      item.language === "python"
        ? pick(PYTHON_PARENTS)
        : item.language === "node"
          ? pick(NODE_PARENTS)
          : undefined;
    const template =
      item.language === "typescript"
        ? `Type '{source}' is not assignable to bench ${item.noun} n${item.id}.`
        : (item as { message: string }).message;
    const lang = item.language === "python" ? "python" : "ts";
    const snippets = [0, 1, 2, 3].slice(0, 3 + Math.floor(next() * 2)).map((n) => {
      const role = (["repro", "fix", "bad", "fix"] as const)[n]!;
      return { role, code: snippetCode(lang, item.verb, item.noun, item.id, role, n) };
    });
    const block = (n: number) => {
      const snippet = snippets[n];
      return snippet ? `\n\`\`\`${lang} ${snippet.role}\n${snippet.code}\n\`\`\`\n` : "";
    };
    const frontMatter = [
      "---",
      `title: ${JSON.stringify(item.title)}`,
      `summary: ${JSON.stringify(`${sentence(10, 16).slice(0, 140).replace(/\.$/, "")}.`)}`,
      `kind: ${item.language === "typescript" ? "diagnostic" : "message"}`,
      `category: ${pick(CATEGORY_KEYS)}`,
      "risk:",
      `  level: ${pick(["low", "medium", "high"])}`,
      `  note: ${JSON.stringify(`${sentence(8, 14).slice(0, 140).replace(/\.$/, "")}.`)}`,
      ...(parent ? [`parent: ${parent}`] : []),
      `errno: [${carriesErrnoName}]`,
      ...("code" in item ? [`code: ${item.code}`] : []),
      "messages:",
      `  - ${JSON.stringify(template)}`,
      `related: [${related.join(", ")}]`,
      "sources:",
      item.language === "python"
        ? "  - title: Built-in exceptions\n    url: https://docs.python.org/3/library/exceptions.html"
        : item.language === "node"
          ? "  - title: Errors\n    url: https://nodejs.org/api/errors.html"
          : "  - title: TypeScript handbook\n    url: https://www.typescriptlang.org/docs/handbook/2/everyday-types.html",
      `versions:\n  ${item.language}: "all versions"`,
      "---",
    ].join("\n");
    // As real entries do: a cross-reference in the prose, an errno badge where
    // the entry names an errno, a callout among the causes.
    const components = i % 8 === 0 && related.length > 0;
    const errnoName = /\[(E[A-Z]+)\]/.exec(`[${carriesErrnoName}]`)?.[1];
    const componentProse = components
      ? ` ${sentence(6, 10).slice(0, -1)}, as in <Xref id="${related[0]}" />${errnoName ? ` and <Errno name="${errnoName}" />` : ""}.`
      : "";
    const callout = components ? `\n<Callout kind="note">\n${sentence(10, 18)}\n</Callout>\n` : "";
    const bullets = Array.from(
      { length: 4 },
      () => `- **${sentence(2, 4).slice(0, -1)}.** ${sentence(10, 20)}`,
    ).join("\n");
    const mdx = `${frontMatter}

## What it means

${paragraph()}${componentProse}

${paragraph()}

## Why it happens

${bullets}
${callout}
## Reproduce

${paragraph()}
${block(0)}
## Fix

${paragraph()}
${block(1)}
${snippets[3] ? `${paragraph()}\n${block(3)}` : ""}
### Why this works

${sentence(12, 20)} ${sentence(10, 18)}

## What not to do

${paragraph()}
${block(2)}
## Sources
`;
    const recording: EntryRecording = {
      verifiedWith: {
        python: "3.11.7",
        node: "24.21.0",
        typescript: "6.0.3",
        os: "bench",
        date: "2026-01-01",
      },
      snippets: snippets.map((snippet, n) => ({
        hash: snippetHash(lang, snippet.code),
        role: snippet.role,
        lang,
        line: 1 + n,
        output:
          snippet.role === "repro"
            ? `Traceback (most recent call last):\n  File "<scratch>/snippet.py", line 7, in <module>\n    ${item.verb}_${item.noun}(path)\n${parent ?? "Error"}: ${template.replace("{name}", "'x'")}`
            : snippet.role === "fix"
              ? `${item.noun} ${item.id}: ok`
              : "",
        exitCode: snippet.role === "repro" ? 1 : 0,
      })),
    };
    return { file: `${item.language}/${item.slug}.mdx`, mdx, recording };
  });
}

function snippetCode(lang: string, verb: string, noun: string, id: string, role: string, n: number): string {
  if (lang === "python") {
    return [
      "import json",
      "from pathlib import Path",
      "",
      `# ${role} ${n} for ${noun} ${id}`,
      `def ${verb}_${noun}(path: Path) -> dict:`,
      `    text = path.read_text(encoding="utf-8")`,
      `    data = json.loads(text)`,
      `    if "${noun}" not in data:`,
      `        raise ValueError(f"no ${noun} in {path}")`,
      `    return data["${noun}"]`,
      "",
      `print(${verb}_${noun}(Path("${noun}-${id}.json")))`,
    ].join("\n");
  }
  return [
    `import { readFile } from "node:fs/promises";`,
    "",
    `// ${role} ${n} for ${noun} ${id}`,
    `interface ${noun[0]!.toUpperCase()}${noun.slice(1)} {`,
    "  id: string;",
    "  size: number;",
    "}",
    "",
    `async function ${verb}${noun[0]!.toUpperCase()}${noun.slice(1)}(path: string): Promise<${noun[0]!.toUpperCase()}${noun.slice(1)}> {`,
    `  const text = await readFile(path, "utf8");`,
    `  return JSON.parse(text) as ${noun[0]!.toUpperCase()}${noun.slice(1)};`,
    "}",
    "",
    `console.log(await ${verb}${noun[0]!.toUpperCase()}${noun.slice(1)}("${noun}-${id}.json"));`,
  ].join("\n");
}
