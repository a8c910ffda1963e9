/**
 * The "Report a problem with this page" and "Edit this page" links of an
 * entry page, made from the repository URL setting (`REPO_URL` in
 * site.ts). Plain links to the repository's own pages, in GitHub's URL
 * scheme: a prefilled new issue, and the entry's source file in the editor.
 */

/** Where entry files live in the repository, whatever `ERRDEX_CONTENT_DIR` builds from. */
const ENTRY_FILES = "content/errors";
/** The branch edits are proposed against. */
const BRANCH = "main";

/** The command that prints the reader's own version, per language. */
const VERSION_COMMANDS: Record<string, string> = {
  python: "python3 --version",
  node: "node --version",
  typescript: "npx tsc --version",
};

/** What a report names: the page, where it is, and what its outputs were recorded with. */
export interface ReportedPage {
  /** `python/key-error` */
  id: string;
  /** The page's absolute URL. */
  url: string;
  /** The error's name, for the issue title: `KeyError`. */
  title: string;
  /** `python`, `node` or `typescript`. */
  language: string;
  /** What the page says its snippets ran on: `Python 3.13.5 on Linux, 2026-11-20`, or undefined. */
  verifiedWith: string | undefined;
}

/** A new issue in `repo` with the page's id in the title, and its id, URL and versions in the body. */
export function reportProblemUrl(repo: string, page: ReportedPage): string {
  const body = [
    `Page: ${page.id}`,
    `URL: ${page.url}`,
    `Verified with: ${page.verifiedWith ?? "not verified yet"}`,
    `Your version (\`${VERSION_COMMANDS[page.language] ?? "--version"}\`): `,
    "",
    "What is wrong on the page, and what did you expect?",
    "",
  ].join("\n");
  const query = new URLSearchParams({ title: `${page.id}: problem with the ${page.title} page`, body });
  return `${repo}/issues/new?${query.toString()}`;
}

/** The entry's source file, opened in the repository's editor. */
export function editPageUrl(repo: string, language: string, slug: string): string {
  return `${repo}/edit/${BRANCH}/${ENTRY_FILES}/${language}/${slug}.mdx`;
}

/**
 * Whether `href` is one of the links above for `repo`: a new issue there or
 * an edit of an entry file. The link checker allows exactly these on the
 * repository's host, and nothing else there.
 */
export function isRepositoryLink(href: string, repo: string | undefined): boolean {
  if (repo === undefined) return false;
  const url = new URL(href);
  const base = new URL(repo);
  if (url.origin !== base.origin || url.hash !== "") return false;
  if (url.pathname === `${base.pathname}/issues/new`) return true;
  return (
    url.search === "" &&
    new RegExp(`^${escape(`${base.pathname}/edit/${BRANCH}/${ENTRY_FILES}/`)}[a-z]+/[a-z0-9-]+\\.mdx$`).test(
      url.pathname,
    )
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
