import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { resultCardsUrl } from "../catalogue/urls.ts";
import { CARD_BUCKETS, cardBucket, type ResultCard } from "../search/result-cards.ts";

/** What a Pagefind fragment holds, as far as a card needs it. */
interface Fragment {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** Pagefind's fragments start with this, once unzipped. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/**
 * Writes the result cards (src/search/result-cards.ts) from the fragments
 * Pagefind wrote into `<site>/pagefind/fragment/`, one file per bucket, every
 * bucket written (an empty one is `{}`). Returns how many cards.
 */
export function writeResultCards(site: string): number {
  const dir = path.join(site, "pagefind", "fragment");
  const buckets: Record<string, ResultCard>[] = Array.from({ length: CARD_BUCKETS }, () => ({}));
  let count = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".pf_fragment")) continue;
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    if (!text.startsWith(FRAGMENT_SIGNATURE))
      throw new Error(`${path.join(dir, name)}: not a Pagefind fragment (Pagefind's format changed?)`);
    const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
    const id = name.slice(0, -".pf_fragment".length);
    buckets[cardBucket(id)]![id] = {
      url: fragment.url,
      title: fragment.meta["title"] ?? fragment.url,
      language: fragment.filters["language"]?.[0] ?? "",
      summary: fragment.meta["summary"] ?? "",
    };
    count++;
  }
  const out = path.join(site, path.dirname(resultCardsUrl(0)));
  mkdirSync(out, { recursive: true });
  buckets.forEach((cards, bucket) =>
    writeFileSync(path.join(site, resultCardsUrl(bucket)), JSON.stringify(cards)),
  );
  return count;
}
