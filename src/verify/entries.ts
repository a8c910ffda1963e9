import { readFileSync } from "node:fs";
import path from "node:path";
import { load as loadYaml } from "js-yaml";
import { mdxToMdast } from "satteri";
import { entrySchema, type EntryData } from "../schema/entry.ts";
import { snippetHash } from "../lib/recordings.ts";
import { snippetRoleFromMeta, type SnippetRole } from "../lib/snippet-roles.ts";
import { parseEntryId, type Language } from "../lib/urls.ts";

/**
 * Reads entries for the verifier with the same MDX parser the site is
 * built with (Sätteri), so the snippets checked are exactly the snippets
 * shown: every fenced block whose meta names a role.
 */

/** The fence language each entry language's snippets must use. */
const SNIPPET_LANG: Record<Language, string> = { python: "python", node: "ts", typescript: "ts" };

export interface Snippet {
  /** The entry file, relative to the project (for messages). */
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
  hash: string;
}

export interface VerifiedEntry {
  file: string;
  id: string;
  language: Language;
  data: EntryData;
  snippets: Snippet[];
}

interface MdastNode {
  type: string;
  value?: string;
  lang?: string | null;
  meta?: string | null;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

function* walk(node: MdastNode): Generator<MdastNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** `throws=TypeError` and other key=value words of a fence meta. */
function metaAttributes(meta: string): Record<string, string> {
  return Object.fromEntries(
    meta
      .split(/\s+/)
      .filter((word) => word.includes("="))
      .map((word) => word.split("=", 2) as [string, string]),
  );
}

/** Reads and validates one entry; throws with the file named when it is malformed. */
export function readEntry(file: string, root: string): VerifiedEntry {
  const relative = path.relative(root, file);
  const id = relative.replace(/^content\/errors\//, "").replace(/\.mdx$/, "");
  const { language } = parseEntryId(id);
  const tree = mdxToMdast(readFileSync(file, "utf8"), { features: { frontmatter: true } }) as MdastNode;
  const frontMatter = tree.children?.find((node) => node.type === "yaml");
  if (!frontMatter?.value) throw new Error(`${relative}: no front matter`);
  let yaml: unknown;
  try {
    yaml = loadYaml(frontMatter.value);
  } catch (error) {
    throw new Error(
      `${relative}: front matter is not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      { cause: error },
    );
  }
  const parsed = entrySchema.safeParse(yaml);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${relative}: ${fields.join("; ")}`);
  }

  const snippets: Snippet[] = [];
  for (const node of walk(tree)) {
    if (node.type !== "code") continue;
    const meta = node.meta ?? "";
    const role = snippetRoleFromMeta(meta);
    if (!role) continue;
    const lang = node.lang ?? "";
    const line = node.position?.start.line ?? 0;
    if (lang !== SNIPPET_LANG[language]) {
      throw new Error(
        `${relative}:${line}: a ${language} ${role} snippet must be \`\`\`${SNIPPET_LANG[language]}, not \`\`\`${lang}`,
      );
    }
    const code = node.value ?? "";
    const throws = metaAttributes(meta)["throws"];
    const runs = meta.split(/\s+/).includes("runs");
    snippets.push({
      file: relative,
      line,
      lang,
      role,
      code,
      runs,
      hash: snippetHash(lang, code),
      ...(throws ? { throws } : {}),
    });
  }
  return { file: relative, id, language, data: parsed.data, snippets };
}
