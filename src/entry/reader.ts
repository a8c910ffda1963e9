import { z } from "astro/zod";
import { load as loadYaml, type YAMLException } from "js-yaml";
import { mdxToMdast } from "satteri";
import {
  COMPONENTS_MODULE,
  ENTRY_COMPONENTS,
  isEntryComponent,
  type EntryComponentName,
} from "./components.ts";
import { EntryError } from "./errors.ts";
import { isLanguage, LANGUAGE_REGISTRY, LANGUAGES, type Language } from "./languages.ts";
import { filesHash, snippetHash } from "./recordings.ts";
import { RUNTIMES, inSpan, releaseOf, supportedReleases } from "./runtime-versions.ts";
import { fixWhyProblems, fixWhyText, sectionForHeading, sectionProblems, type Block } from "./sections.ts";
import { entrySchema, type EntryData } from "./schema.ts";
import { fenceAttributes, snippetRoleFromMeta, type SnippetRole } from "./snippet-roles.ts";

/**
 * The one reader of an entry file. It parses the MDX once, with the same
 * parser @astrojs/mdx compiles it with (Sätteri), and returns everything
 * the rest of errdex needs to know about an entry: front matter, sections,
 * snippets with their roles, component uses, the ticket line and "why this
 * works". The content loader, the verifier, search's build step and the
 * tests all read entries through it, so an entry means the same thing to
 * each of them. Every problem it finds is an {@link EntryError} naming the
 * file and line.
 */

/** A fenced snippet with a role (```python repro). */
export interface Snippet {
  /** The entry file, as given to the reader (for messages). */
  file: string;
  /** Line of the opening fence. */
  line: number;
  lang: string;
  role: SnippetRole;
  code: string;
  /** `bad throws=TypeError`: the bad snippet is run and must fail with this error. */
  throws?: string;
  /** `bad runs`: the bad snippet is run and must exit cleanly, its output shown. */
  runs: boolean;
  /** Identifies the snippet's recording (see recordings.ts). */
  hash: string;
  /** `file=src/main.ts`: the name the snippet is run or checked under (default `snippet.ts` / `snippet.py`). */
  name?: string;
  /**
   * The files the snippet needs beside it (a tsconfig.json, a module it
   * imports, a package in node_modules), by relative path: the `file=`
   * fences without a role just before it, shown on the page as they are.
   */
  files: Record<string, string>;
  /**
   * `with=`: the third-party libraries the snippet imports. Python:
   * `with=requests`, taken from Debian's packages (`python3-requests`) and
   * run on Debian's own `python3`. Node.js and TypeScript: npm packages at
   * exact versions (`with=axios@1.7.9`), installed from the registry into a
   * cache and put in the snippet's `node_modules`. Empty when none.
   */
  libraries: string[];
  /** Identifies `files`, `name` and `libraries`, so an edit to them makes the recording stale (see recordings.ts); undefined when there are none. */
  filesHash?: string;
  /**
   * `since=3.11`, `removedIn=3.13`: the supported versions of the entry's
   * runtime this snippet claims, when not all (a fix using `asyncio.TaskGroup`);
   * it runs only on those. See the schema's `versions` for the entry's own span.
   */
  since?: string;
  removedIn?: string;
}

/** One use of an entry component: `<Xref id="python/key-error" />` at a line. */
interface ComponentUse {
  name: EntryComponentName;
  props: Record<string, unknown>;
  line: number;
  column: number;
}

export interface ReadEntry {
  /** `python/key-error`. */
  id: string;
  language: Language;
  slug: string;
  file: string;
  /** The front matter, as YAML read it (the schema validates it). */
  frontMatter: Record<string, unknown>;
  /** The source after the front matter. */
  body: string;
  snippets: Snippet[];
  components: ComponentUse[];
  /** Whether the entry needs the MDX compiler (it imports or uses a component). */
  usesMdx: boolean;
  /** The first sentence of the Fix section, as Markdown (the default ticket line). */
  fixLine: string | undefined;
  /** "Why this works", as plain text on one line. */
  fixWhy: string | undefined;
  /** The text of every paragraph and list item, code left out, for the tidy check. */
  paragraphs: string[];
}

interface MdastNode {
  type: string;
  name?: string | null;
  value?: unknown;
  depth?: number;
  lang?: string | null;
  meta?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
  children?: MdastNode[];
}

/** `python/key-error` from `content/errors/python/key-error.mdx` (any prefix). */
export function entryIdFromPath(file: string): { id: string; language: Language; slug: string } {
  const parts = file.split(/[\\/]/);
  const slug = (parts.at(-1) ?? "").replace(/\.mdx$/, "");
  const language = parts.at(-2) ?? "";
  if (!isLanguage(language) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new EntryError(
      file,
      undefined,
      `an entry must be content/errors/<language>/<slug>.mdx, with language one of ${LANGUAGES.join(", ")} and a kebab-case slug`,
      "Move the file: the folder names the language and the file name is the URL slug (CONTRIBUTING.md, step 1).",
    );
  }
  return { id: `${language}/${slug}`, language, slug };
}

/**
 * Reads one entry. `file` is the path shown in messages (relative to the
 * project) and, through its last two parts, gives the entry's id. Throws
 * an {@link EntryError} on MDX that does not parse, front matter that is
 * not YAML, a component or prop errdex does not define, a snippet in the
 * wrong language, and sections that break the entry rules.
 */
export function readEntry(source: string, file: string): ReadEntry {
  const { id, language, slug } = entryIdFromPath(file);
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source, { features: { frontmatter: true } }) as MdastNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+:\d+):?\s*/.exec(message);
    throw new EntryError(
      file,
      at?.[1],
      `the entry is not valid MDX: ${at ? message.slice(at[0].length) : message}`,
      "A `<` or `{` in prose starts JSX or an expression in MDX: write `&lt;` and `\\{`, or put the text in `code`.",
      { cause: error },
    );
  }
  const children = tree.children ?? [];
  const frontMatter = readFrontMatter(children[0]?.type === "yaml" ? text(children[0].value) : "", file);
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");

  const problems: EntryError[] = [];
  const snippets: Snippet[] = [];
  /** `file=` fences waiting for the snippet they belong to. */
  let companions: Companion[] = [];
  const components: ComponentUse[] = [];
  const paragraphs: string[] = [];
  let usesMdx = false;
  const visit = (node: MdastNode, inline: boolean) => {
    const line = node.position?.start.line;
    if (node.type === "mdxjsEsm") {
      usesMdx = true;
      const problem = importProblem(text(node.value));
      if (problem) problems.push(new EntryError(file, line, problem.message, problem.hint));
    } else if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
      problems.push(
        new EntryError(
          file,
          line,
          "a {…} expression; entries say what they mean in prose and components, not in code that runs at build time",
          "For a literal brace in prose write `\\{`; to show code, use `inline code` or a fence.",
        ),
      );
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const use = componentUse(node, file, node.type === "mdxJsxTextElement" || inline, problems);
      if (use) {
        usesMdx = true;
        components.push(use);
      }
    } else if (node.type === "code") {
      const companion = companionOf(node, file, problems);
      if (companion) companions.push(companion);
      const snippet = snippetOf(node, file, language, companions, problems);
      if (snippet) {
        snippets.push(snippet);
        companions = [];
      }
    }
    if (node.type === "paragraph" || node.type === "listItem") paragraphs.push(plainText(node));
    for (const child of node.children ?? []) visit(child, inline || node.type === "paragraph");
  };
  for (const node of children) visit(node, false);
  for (const companion of companions) {
    problems.push(
      new EntryError(
        file,
        companion.line,
        `\`file=${companion.name}\` is not followed by a repro, fix or bad snippet to belong to`,
        "A file fence holds a file the next snippet needs (a tsconfig.json, a module it imports): put it just before that snippet.",
      ),
    );
  }
  problems.push(...sameCodeProblems(snippets, file));

  const blocks = outline(children);
  const sections = [
    ...sectionProblems(
      blocks.flatMap((block) => (block.kind === "heading" && block.depth === 2 ? [block.text] : [])),
    ),
    ...fixWhyProblems(blocks),
  ];
  for (const problem of sections) {
    problems.push(
      new EntryError(
        file,
        undefined,
        problem,
        "An entry has six `##` sections in order (What it means, Why it happens, Reproduce, Fix, What not to do, Sources) and its Fix ends with `### Why this works`.",
      ),
    );
  }
  if (problems.length > 0) throw EntryError.all(problems);

  return {
    id,
    language,
    slug,
    file,
    frontMatter,
    body,
    snippets,
    components,
    usesMdx,
    fixLine: fixLineOf(outline(children, true)),
    fixWhy: fixWhyText(blocks),
    paragraphs,
  };
}

/** A string field of a node, or "" (attribute values may also be expressions). */
function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A node's text without code blocks. */
function plainText(node: MdastNode): string {
  if (node.type === "code") return "";
  return typeof node.value === "string" && node.type !== "mdxJsxTextElement"
    ? node.value
    : (node.children ?? []).map(plainText).join("");
}

/**
 * An entry's front matter, validated by the schema: the typed data, or an
 * EntryError at the first bad field's line with zod's own messages.
 */
export function validFrontMatter(entry: ReadEntry, source: string): EntryData {
  const parsed = entrySchema.safeParse(entry.frontMatter);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  const lines = source.split(/\r?\n/);
  const at =
    typeof field === "string" ? lines.findIndex((line, i) => i > 0 && line.startsWith(`${field}:`)) : -1;
  throw new EntryError(
    entry.file,
    at < 0 ? undefined : at + 1,
    `the front matter does not fit the schema:\n${z.prettifyError(parsed.error)}`,
    "Every field and its rules are in src/entry/schema.ts; CONTRIBUTING.md shows a whole entry.",
  );
}

/**
 * What an entry body says, without the entry rules: its top-level blocks,
 * its ticket line and its "why this works". For tests of those rules on a
 * fragment of an entry; {@link readEntry} gives the same for a whole file.
 */
export function readBody(markdown: string): {
  blocks: Block[];
  fixLine: string | undefined;
  fixWhy: string | undefined;
} {
  const children = (mdxToMdast(markdown, {}) as MdastNode).children ?? [];
  const blocks = outline(children);
  return { blocks, fixLine: fixLineOf(outline(children, true)), fixWhy: fixWhyText(blocks) };
}

function readFrontMatter(yaml: string, file: string): Record<string, unknown> {
  let data: unknown = {};
  try {
    // A file without front matter reaches the schema, which names each missing field.
    if (yaml.trim() !== "") data = loadYaml(yaml);
  } catch (error) {
    const { mark, reason } = error as YAMLException;
    // The front matter starts on line 2, after the opening `---`.
    throw new EntryError(
      file,
      (mark?.line ?? 0) + 2,
      `the front matter is not valid YAML: ${reason}`,
      "Quote values that hold `: `, `#`, or start with a quote, a bracket or `{`.",
      { cause: error },
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new EntryError(
      file,
      2,
      "the front matter must be a YAML mapping of fields",
      "Start the file with `---`, then `field: value` lines, then `---`.",
    );
  }
  return data as Record<string, unknown>;
}

/** Entries may import the components, and nothing else. */
function importProblem(statement: string): { message: string; hint: string } | undefined {
  if (/^\s*export\b/.test(statement)) {
    return {
      message: "an export; an entry's data lives in its front matter",
      hint: "Move the value into a front-matter field.",
    };
  }
  const from = /from\s+["']([^"']+)["']/.exec(statement)?.[1];
  const names =
    /\{([^}]*)\}/
      .exec(statement)?.[1]
      ?.split(",")
      .map((name) => name.trim()) ?? [];
  if (from !== COMPONENTS_MODULE || names.length === 0) {
    return {
      message: `\`${statement.trim()}\`: entries may import only the entry components, from "${COMPONENTS_MODULE}"`,
      hint: `The components (${Object.keys(ENTRY_COMPONENTS).join(", ")}) need no import; if you write one, use \`import { Xref } from "${COMPONENTS_MODULE}";\`.`,
    };
  }
  const unknown = names.filter((name) => name !== "" && !isEntryComponent(name));
  if (unknown.length > 0) {
    return {
      message: `"${COMPONENTS_MODULE}" has no ${unknown.join(", ")}`,
      hint: `It exports ${Object.keys(ENTRY_COMPONENTS).join(", ")} (src/entry/components.ts).`,
    };
  }
  return undefined;
}

/** Checks a JSX element against the component registry; lower-case names are plain HTML. */
function componentUse(
  node: MdastNode,
  file: string,
  inline: boolean,
  problems: EntryError[],
): ComponentUse | undefined {
  const name = node.name ?? "";
  const line = node.position?.start.line ?? 0;
  const column = node.position?.start.column ?? 0;
  if (/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  if (!isEntryComponent(name)) {
    problems.push(
      new EntryError(
        file,
        line,
        `<${name || "…"}> is not an entry component`,
        `Entries can use ${Object.keys(ENTRY_COMPONENTS)
          .map((known) => `<${known}>`)
          .join(", ")} (src/entry/components.ts); write anything else in Markdown.`,
      ),
    );
    return undefined;
  }
  const spec = ENTRY_COMPONENTS[name];
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      problems.push(
        new EntryError(file, line, `<${name}> has a {...spread}`, 'Write each prop as name="value".'),
      );
      continue;
    }
    if (typeof attribute.value !== "string") {
      problems.push(
        new EntryError(
          file,
          line,
          `<${name} ${attribute.name}=…> is not a quoted string`,
          `Write ${attribute.name}="value": entry components take text props only.`,
        ),
      );
      continue;
    }
    props[attribute.name] = attribute.value;
  }
  const parsed = spec.props.safeParse(props);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const prop = issue.path.join(".");
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
      problems.push(
        new EntryError(
          file,
          line,
          unknownKeys
            ? `<${name}> has no prop ${unknownKeys}`
            : `<${name}${prop ? ` ${prop}` : ""}>: ${issue.message}`,
          `<${name}> takes ${Object.keys(spec.props.shape ?? {}).join(", ")} (src/entry/components.ts).`,
        ),
      );
    }
  }
  if (spec.placement === "block" && inline) {
    problems.push(
      new EntryError(
        file,
        line,
        `<${name}> is a block: put it on lines of its own, not inside a sentence`,
        `Leave a blank line before and after <${name}>…</${name}>.`,
      ),
    );
  }
  if (spec.placement === "inline" && (node.children ?? []).length > 0) {
    problems.push(
      new EntryError(
        file,
        line,
        `<${name}> takes no content; it shows the target's own name`,
        `Close it at once: <${name} … />.`,
      ),
    );
  }
  return { name, props, line, column };
}

/**
 * The fence language of a snippet that is commands a reader types in a
 * terminal (`$ python3 -m pip install ./broken`): how an error a tool
 * prints, not a runtime, is reproduced. Any entry may use it.
 */
export const CONSOLE = "console";

/** A file a snippet needs: a fence with `file=` and no role. */
interface Companion {
  name: string;
  code: string;
  line: number;
}

/**
 * A file name a fence may give: relative, inside the snippet's folder, in
 * plain path characters. Anything else is reported and dropped.
 */
function fileName(node: MdastNode, file: string, problems: EntryError[]): string | undefined {
  const name = fenceAttributes(node.meta ?? "")["file"];
  if (name === undefined) return undefined;
  const parts = name.split("/");
  if (/^[\w@.+-]+(?:\/[\w@.+-]+)*$/.test(name) && !parts.includes("..") && !parts.includes(".")) return name;
  problems.push(
    new EntryError(
      file,
      node.position?.start.line,
      `\`file=${name}\` is not a relative path inside the snippet's folder`,
      "Name the file as the snippet's project would: `file=tsconfig.json`, `file=src/util.ts`, `file=node_modules/legacy/index.js`.",
    ),
  );
  return undefined;
}

function companionOf(node: MdastNode, file: string, problems: EntryError[]): Companion | undefined {
  if (snippetRoleFromMeta(node.meta ?? undefined)) return undefined;
  const name = fileName(node, file, problems);
  return name === undefined
    ? undefined
    : { name, code: text(node.value), line: node.position?.start.line ?? 0 };
}

/**
 * Two snippets with the same code and language would share one recording
 * (the page finds a snippet's output by its code), so they must differ even
 * when only their files do.
 */
function sameCodeProblems(snippets: readonly Snippet[], file: string): EntryError[] {
  const first = new Map<string, Snippet>();
  const problems: EntryError[] = [];
  for (const snippet of snippets) {
    const earlier = first.get(snippet.hash);
    if (!earlier) first.set(snippet.hash, snippet);
    else
      problems.push(
        new EntryError(
          file,
          snippet.line,
          `this ${snippet.role} snippet has the same code as the ${earlier.role} snippet at line ${earlier.line}, so the page could not tell their outputs apart`,
          "Make the code differ: a comment that says what changed (`// with esModuleInterop`) is enough.",
        ),
      );
  }
  return problems;
}

/**
 * `with=`: the libraries a snippet imports. Python: import names, each a
 * Debian package `python3-<name>` (`with=requests,urllib3`). Node.js and
 * TypeScript: npm packages pinned to an exact version (`with=axios@1.7.9`),
 * installed from the npm registry into a cache.
 */
function librariesOf(node: MdastNode, file: string, language: Language, problems: EntryError[]): string[] {
  const value = fenceAttributes(node.meta ?? "")["with"];
  if (value === undefined) return [];
  const names = value.split(",");
  const valid =
    language === "python" ? /^[a-z][a-z0-9_]*$/ : /^(?:@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*@\d+\.\d+\.\d+$/;
  if (names.every((name) => valid.test(name))) return names;
  problems.push(
    new EntryError(
      file,
      node.position?.start.line,
      `\`with=${value}\` is not a list of ${language === "python" ? "Python libraries" : "npm packages pinned to a version"}`,
      language === "python"
        ? "`with=` names the third-party libraries a Python snippet imports, by import name, comma-separated (`with=requests,urllib3`); each comes from Debian's python3-<name> package."
        : "`with=` names the npm packages a snippet imports, each at an exact version, comma-separated (`with=axios@1.7.9`), so a recording stays reproducible.",
    ),
  );
  return [];
}

function snippetOf(
  node: MdastNode,
  file: string,
  language: Language,
  companions: readonly Companion[],
  problems: EntryError[],
): Snippet | undefined {
  const meta = node.meta ?? "";
  const role = snippetRoleFromMeta(meta);
  if (!role) return undefined;
  const lang = node.lang ?? "";
  const line = node.position?.start.line ?? 0;
  const wanted = LANGUAGE_REGISTRY[language].snippetLang;
  if (lang !== wanted && lang !== CONSOLE) {
    problems.push(
      new EntryError(
        file,
        line,
        `a ${language} ${role} snippet must be \`\`\`${wanted} (or \`\`\`${CONSOLE} for commands), not \`\`\`${lang}`,
        `Snippets are run by ${language === "python" ? "Python" : "Node.js or tsc"}: write \`\`\`${wanted} ${role}; an error a tool prints (pip, npm) is reproduced with \`\`\`${CONSOLE} ${role} and \`$ \` commands.`,
      ),
    );
    return undefined;
  }
  const code = text(node.value);
  if (lang === CONSOLE && !/^(?:\$ \S.*\n?)+$/.test(code)) {
    problems.push(
      new EntryError(
        file,
        line,
        `a ${CONSOLE} ${role} snippet holds only commands, each on a line of its own starting with \`$ \``,
        "Write what the reader types (`$ python3 -m pip install ./broken`); what the commands print is recorded by npm run verify and shown under them.",
      ),
    );
    return undefined;
  }
  const attributes = fenceAttributes(meta);
  const throws = attributes["throws"];
  const span: { since?: string; removedIn?: string } = {};
  for (const end of ["since", "removedIn"] as const) {
    const release = attributes[end];
    if (release === undefined) continue;
    // The entry's own runtime: Python for a Python entry, Node.js or TypeScript for the others.
    const releases = supportedReleases(language);
    if (releases.includes(release)) span[end] = release;
    else
      problems.push(
        new EntryError(
          file,
          line,
          `\`${end}=${release}\` is not a supported ${RUNTIMES[language].label} version (${releases.join(", ")})`,
          `A snippet claims the versions it runs on with ${end}= and one of those; the verifier runs it on each.`,
        ),
      );
  }
  // The page shows the primary version's output under the snippet, so the snippet must run there.
  const primary = releaseOf(language, RUNTIMES[language].primary);
  if (!inSpan(primary, span))
    problems.push(
      new EntryError(
        file,
        line,
        `the snippet's versions leave out ${RUNTIMES[language].label} ${primary}, whose output the page shows`,
        "Claim a span that includes it, or reproduce the error in a way that holds on it too.",
      ),
    );
  const name = fileName(node, file, problems);
  const files = Object.fromEntries(companions.map((companion) => [companion.name, companion.code]));
  const libraries = librariesOf(node, file, language, problems);
  return {
    file,
    line,
    lang,
    role,
    code,
    runs: meta.split(/\s+/).includes("runs"),
    hash: snippetHash(lang, code),
    files,
    libraries,
    ...(companions.length > 0 || name || libraries.length > 0
      ? { filesHash: filesHash(files, name, libraries) }
      : {}),
    ...(name ? { name } : {}),
    ...(throws ? { throws } : {}),
    ...span,
  };
}

/**
 * Inline text: code spans in backticks (so `path.join` never ends a
 * sentence), components by their text form; as Markdown (links, emphasis)
 * when `markdown` is set, else plain.
 */
function inlineText(nodes: readonly MdastNode[] = [], markdown = false): string {
  const inlineMarkdown = (children: readonly MdastNode[] = []) => inlineText(children, markdown);
  return nodes
    .map((node) => {
      switch (node.type) {
        case "inlineCode":
          return `\`${text(node.value)}\``;
        case "break":
          return " ";
        case "text":
          return text(node.value);
        case "emphasis":
          return markdown ? `*${inlineMarkdown(node.children)}*` : inlineMarkdown(node.children);
        case "strong":
          return markdown ? `**${inlineMarkdown(node.children)}**` : inlineMarkdown(node.children);
        case "link":
          return markdown
            ? `[${inlineMarkdown(node.children)}](${String(node.url ?? "")})`
            : inlineMarkdown(node.children);
        case "mdxJsxTextElement":
          return componentText(node);
        default:
          return inlineMarkdown(node.children);
      }
    })
    .join("");
}

/**
 * What a component says in plain text (a ticket line, "why this works"):
 * an errno badge its name, a cross-reference its target's id.
 */
function componentText(node: MdastNode): string {
  const prop = (name: string) => node.attributes?.find((attribute) => attribute.name === name)?.value;
  if (node.name === "Errno") return `\`${text(prop("name"))}\``;
  if (node.name === "Xref") return `\`${text(prop("id"))}\``;
  return inlineText(node.children);
}

/** An entry body's top-level blocks, as sections.ts describes them. */
function outline(children: readonly MdastNode[], markdown = false): Block[] {
  const inlineMarkdown = (nodes: readonly MdastNode[] = []) => inlineText(nodes, markdown);
  return children.flatMap((node): Block[] => {
    if (node.type === "yaml" || node.type === "mdxjsEsm") return [];
    if (node.type === "heading")
      return [{ kind: "heading", depth: node.depth ?? 1, text: inlineMarkdown(node.children) }];
    if (node.type === "code") return [{ kind: "snippet", role: snippetRoleFromMeta(node.meta ?? undefined) }];
    if (node.type === "paragraph") return [{ kind: "prose", text: inlineMarkdown(node.children) }];
    if (node.type === "mdxJsxFlowElement") return [{ kind: "other", what: `<${node.name ?? ""}>` }];
    return [{ kind: "other", what: node.type }];
  });
}

/**
 * The first sentence of the Fix section's first prose paragraph, as
 * Markdown: what "Copy for ticket" quotes when the entry sets no fixLine.
 */
function fixLineOf(blocks: readonly Block[]): string | undefined {
  const start = blocks.findIndex(
    (block) => block.kind === "heading" && block.depth === 2 && sectionForHeading(block.text)?.id === "fix",
  );
  if (start < 0) return undefined;
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === "heading" && block.depth <= 2) return undefined;
    if (block.kind !== "prose") continue;
    const text = block.text.replace(/\s+/g, " ").trim();
    if (text === "" || /^[<|>]/.test(text)) continue;
    const sentence = /^.*?[.!?:](?=\s+[A-Z`*("[]|$)/.exec(text)?.[0] ?? text;
    return sentence.replace(/:$/, ".");
  }
  return undefined;
}
