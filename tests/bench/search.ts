/**
 * Measures search as a reader meets it, in Chromium against the built site:
 * the bytes a first search downloads (opening a search link, and typing into
 * an entry page's header box), and the time from the last keystroke to
 * rendered results, by input form, on a cold and then a warm index. Queries
 * are the recorded repro outputs (as the search-corpus test pastes them) and
 * a few typed ones. It measures; it asserts nothing.
 *
 *   npm run build && npm run bench:search
 */
import { chromium, type Page } from "@playwright/test";
import { reduceQuery } from "../../src/lib/search/reduce-query.ts";
import { entryUrl, searchUrl } from "../../src/lib/urls.ts";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/browser.ts";
import { firstSearch, weigh } from "../support/page-weight.ts";
import { startPreview } from "../support/preview-server.ts";
import { recordedReproOutputs } from "../support/repro-outputs.ts";

const PORT = 4349;
const TYPED = [
  "ECONNREFUSED",
  "111",
  "WinError 10061",
  "address already in use",
  "TS2345",
  "No module named 'pandas'",
];

function corpus(): { form: string; query: string }[] {
  const queries = TYPED.map((query) => ({ form: `typed:${reduceQuery(query).form}`, query }));
  for (const { output } of recordedReproOutputs())
    queries.push({ form: reduceQuery(output).form, query: output });
  return queries;
}

/** Milliseconds from an input event to results rendered (the frame after they are ready). */
function keystrokeToResults(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const box = document.querySelector<HTMLTextAreaElement>("#search-page-query")!;
    const results = document.querySelector<HTMLElement>("[data-search-results]")!;
    const rendered = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!results.hasAttribute("data-ready")) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(results, { attributes: true, attributeFilter: ["data-ready"] });
    });
    box.value = text;
    const start = performance.now();
    box.dispatchEvent(new Event("input", { bubbles: true }));
    return (await rendered) - start;
  }, query);
}

function summarise(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `n ${sorted.length}, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

const { origin, stop } = await startPreview(PORT);
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
try {
  const opened = await firstSearch(browser, origin, "ECONNREFUSED");
  console.log(
    `first search, opening ${searchUrl("ECONNREFUSED")}: ${(opened.gzipBytes / 1024).toFixed(1)} KB gzip in ${opened.requests.length} requests`,
  );
  {
    const page = await browser.newPage();
    await page.goto(`${origin}${entryUrl("python", "key-error")}`, { waitUntil: "networkidle" });
    const typed = await weigh(page, async () => {
      await page.locator("#site-search").pressSequentially("ECONNREFUSED");
      await page.locator("[data-search-suggestions][data-ready]").waitFor({ state: "attached" });
    });
    console.log(
      `first search, typing into an entry page's header box: ${(typed.gzipBytes / 1024).toFixed(1)} KB gzip in ${typed.requests.length} requests`,
    );
    await page.close();
  }

  const page = await browser.newPage();
  await page.goto(`${origin}${searchUrl()}`);
  await page.locator("[data-search-results][data-ready]").waitFor({ state: "attached" });
  const queries = corpus();
  for (const pass of ["cold", "warm"] as const) {
    const byForm = new Map<string, number[]>();
    for (const { form, query } of queries) {
      const ms = await keystrokeToResults(page, query);
      byForm.set(form, [...(byForm.get(form) ?? []), ms]);
    }
    console.log(`\nlast keystroke to rendered results, ${pass} index (debounce included):`);
    for (const [form, times] of [...byForm].sort()) console.log(`  ${form.padEnd(22)} ${summarise(times)}`);
    console.log(`  ${"all".padEnd(22)} ${summarise([...byForm.values()].flat())}`);
  }
} finally {
  await browser.close();
  stop();
}
