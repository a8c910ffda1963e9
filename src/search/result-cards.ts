/**
 * What a full-text result shows (its page's URL, title, language and
 * summary), filed by Pagefind's id for the page.
 *
 * Pagefind's own answer for a result is its fragment: the page's whole
 * indexed text with its metadata, 2–5 KB gzip each, ten for a page of
 * results (28 KB of a 165 KB first search). A result needs only its title
 * and summary, so the build files those as cards in small buckets, and a
 * search fetches the buckets its results fall in: about 1 KB each, and a
 * result that is also an exact answer is known by its URL before anything
 * is fetched for it. Pagefind offers nothing slimmer than a fragment, hence
 * this file.
 */

/** A full-text result as the result list shows it. */
export interface ResultCard {
  url: string;
  title: string;
  language: string;
  summary: string;
}

/** How many buckets the cards are cut into: at 466 indexed pages, seven or eight in each. */
export const CARD_BUCKETS = 64;

/**
 * The bucket of Pagefind's page id (`en_1b8615c`: the language, then a
 * hash of the page), which the build and the browser compute alike.
 */
export function cardBucket(pageId: string): number {
  const hex = pageId.slice(pageId.lastIndexOf("_") + 1);
  return (Number.parseInt(hex.slice(0, 4), 16) || 0) % CARD_BUCKETS;
}
