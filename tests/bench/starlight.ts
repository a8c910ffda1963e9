/**
 * The same site built with Starlight, for the build benchmark's comparison
 * (`npm run bench -- --starlight`): every synthetic entry becomes a
 * Starlight docs page with the same body, its callouts as Starlight's
 * `<Aside>` and its cross-references and errno badges as plain links.
 * Starlight is installed from the npm registry into a cache folder of its
 * own (not a dependency of errdex), once per version.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SyntheticEntry } from "./synthetic-entries.ts";

const STARLIGHT_VERSION = "0.42.9";

/** Installs Starlight with the project's Astro into a cache folder, once; returns the folder. */
function installStarlight(root: string): string {
  const astro = (
    JSON.parse(readFileSync(path.join(root, "node_modules/astro/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  // Outside the project's node_modules: Vite treats a project inside a
  // node_modules folder as a dependency and leaves its `astro:` imports to Node.
  const dir = path.join(tmpdir(), `errdex-bench-starlight-${STARLIGHT_VERSION}-astro-${astro}`);
  if (!existsSync(path.join(dir, "node_modules/@astrojs/starlight"))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({
        private: true,
        type: "module",
        dependencies: { "@astrojs/starlight": STARLIGHT_VERSION, astro },
      }),
    );
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: "inherit",
    });
  }
  return dir;
}

/** An entry's body as a Starlight page. */
function starlightPage(entry: SyntheticEntry): string {
  const title = /^title: (.*)$/m.exec(entry.mdx)?.[1] ?? '"untitled"';
  const description = /^summary: (.*)$/m.exec(entry.mdx)?.[1] ?? '""';
  const body = entry.mdx
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/<Xref id="([^"]+)" \/>/g, (_, id: string) => `[${id}](/${id}/)`)
    .replace(
      /<Errno name="([^"]+)" \/>/g,
      (_, name: string) => `[\`${name}\`](/errno/${name.toLowerCase()}/)`,
    )
    .replace(/<Callout kind="note">/g, '<Aside type="note">')
    .replace(/<\/Callout>/g, "</Aside>");
  const imports = body.includes("<Aside") ? 'import { Aside } from "@astrojs/starlight/components";\n\n' : "";
  return `---\ntitle: ${title}\ndescription: ${description}\n---\n\n${imports}${body}`;
}

/**
 * Writes a Starlight project of `entries` inside the install folder (so it
 * finds Starlight's node_modules as any project does: a symlinked
 * node_modules confuses Vite's module ids); returns it, ready for `astro build`.
 */
export function starlightProject(root: string, entries: readonly SyntheticEntry[]): string {
  const dir = path.join(installStarlight(root), `site-${entries.length}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "src/content/docs"), { recursive: true });
  // Its dependencies listed, so Vite bundles Starlight instead of leaving it to Node.
  writeFileSync(path.join(dir, "package.json"), readFileSync(path.join(dir, "..", "package.json")));
  writeFileSync(
    path.join(dir, "astro.config.mjs"),
    `import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
export default defineConfig({ integrations: [starlight({ title: "bench" })] });
`,
  );
  writeFileSync(
    path.join(dir, "src/content.config.ts"),
    `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    path.join(dir, "src/content/docs/index.mdx"),
    "---\ntitle: bench\n---\n\nThe benchmark site.\n",
  );
  for (const entry of entries) {
    const file = path.join(dir, "src/content/docs", entry.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, starlightPage(entry));
  }
  return dir;
}
