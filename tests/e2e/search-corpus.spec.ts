import { expect, test, type Page } from "@playwright/test";
import { readPaste } from "../../src/search/paste.ts";
import { searchUrl } from "../../src/catalogue/urls.ts";
import { builtLookup } from "../support/built-lookup.ts";
import { realWorldPastes } from "../support/real-world-pastes.ts";
import { acceptedFirst, recordedReproOutputs } from "../support/repro-outputs.ts";

/**
 * The search corpus: what real Python, Node.js and tsc runs printed for
 * every entry's `repro` snippet, as `npm run verify` recorded it (never typed
 * by hand). Pasted whole into the search page, each must put its own entry
 * first, or a message entry of that same class that covers the message
 * (`/python/invalid-literal-for-int/` for a `ValueError` page's repro): the
 * more specific page is the better answer.
 *
 * Each output is also pasted the other ways people meet it, built from its
 * own lines: Python's final line as pytest prints it (`E   KeyError: 'x'`),
 * a Node.js error's header as a browser console prints it (`Uncaught
 * TypeError: …`), and a tsc diagnostic as VS Code shows it (`… ts(2345)`).
 * Top-1 and top-3 figures by input form are printed.
 *
 * Then the real-world corpus (`tests/fixtures/search/real-world/`): what
 * people pasted into public bug reports, kept as pasted (log prefixes,
 * wrappers, other languages, older wordings), each with its source. Every
 * one must put a right page first.
 */

interface Case {
  url: string;
  output: string;
  form: string;
  /** Pages that are a right first answer: the entry, or a message entry of its class. */
  accepted: string[];
}

// The lookup the search page itself uses, as built (all its buckets).
const lookup = builtLookup();

/** The same error as pytest, a browser console or an editor would show it. */
function derivedForms(language: string, output: string): [string, string][] {
  const lines = output.trimEnd().split("\n");
  const forms: [string, string][] = [];
  const last = lines.at(-1) ?? "";
  const pythonClass = /^([A-Za-z_][\w.]*): /.exec(last)?.[1] ?? /^([A-Za-z_][\w.]*)$/.exec(last)?.[1];
  if (language === "python" && lines[0]?.startsWith("Traceback") && pythonClass) {
    forms.push([
      "pytest",
      `    def test_main():\n>       main()\n\nE       ${last}\n\ntests/test_main.py:4: ${pythonClass}`,
    ]);
  }
  const header = lines.find((line) => /^(?:[A-Z]\w*)?Error(?: \[[A-Z0-9_]+\])?: /.test(line));
  if (language === "node" && header) forms.push(["console", `Uncaught ${header}`]);
  const diagnostic = lines.map((line) => /error TS(\d+): (.*)$/.exec(line)).find(Boolean);
  if (diagnostic) forms.push(["editor", `${diagnostic[2]}ts(${diagnostic[1]})`]);
  return forms;
}

const cases: Case[] = [];
for (const { language, url, output } of recordedReproOutputs()) {
  const accepted = acceptedFirst(lookup, url, output);
  cases.push({ url, output, form: readPaste(output).form, accepted });
  for (const [form, derived] of derivedForms(language, output))
    cases.push({ url, output: derived, form, accepted });
}

/** Pastes every case into the search page; returns the misses and prints top-1/top-3 by form. */
async function pasteAll(page: Page, label: string, all: readonly Case[]): Promise<string[]> {
  await page.goto(searchUrl());
  const box = page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" });
  const results = page.locator("[data-search-results]");
  const tally = new Map<string, { n: number; top1: number; top3: number }>();
  const misses: string[] = [];
  for (const { url, output, form, accepted } of all) {
    await box.fill(output);
    await expect(results).toHaveAttribute("data-ready", "");
    const links = await results
      .locator("a")
      .evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute("href")));
    const row = tally.get(form) ?? { n: 0, top1: 0, top3: 0 };
    row.n++;
    if (accepted.includes(links[0] ?? "")) row.top1++;
    else
      misses.push(`${url} not first (${links.join(", ")}) for:\n${output.split("\n").slice(-3).join("\n")}`);
    if (links.some((link) => accepted.includes(link ?? ""))) row.top3++;
    tally.set(form, row);
  }
  for (const [form, { n, top1, top3 }] of [...tally].sort()) {
    console.log(`${label} ${form}: ${n} pastes, top-1 ${top1}/${n}, top-3 ${top3}/${n}`);
  }
  return misses;
}

test("every recorded repro output, pasted whole or as pytest, a console or an editor shows it, finds its entry first", async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);
  expect(cases.length).toBeGreaterThan(100);
  expect(await pasteAll(page, "search corpus", cases)).toEqual([]);
});

test("every real paste from a public bug report finds a right page first", async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const real = realWorldPastes().map(({ file, source, expect: accepted, paste }) => ({
    url: `${accepted[0]} (${file}, ${source})`,
    output: paste,
    form: `${file.split("/")[0]}: ${readPaste(paste).form}`,
    accepted,
  }));
  if (!process.env["ERRDEX_REAL_WORLD_DIR"]) expect(real.length).toBeGreaterThanOrEqual(150);
  expect(await pasteAll(page, "real-world corpus", real)).toEqual([]);
});
