/**
 * Takes a search to the search page without sending what was pasted to any
 * server: a short one-line query goes in `?q=` (a link people share), a
 * longer paste in the tab's sessionStorage, which the search page reads
 * once (see `isLinkableQuery`).
 */
import { isLinkableQuery, searchUrl } from "../../catalogue/urls.ts";

const KEY = "errdex:paste";

/** Opens the search page for `query`. */
export function openSearch(query: string): void {
  if (!isLinkableQuery(query)) {
    try {
      sessionStorage.setItem(KEY, query);
    } catch {
      // Storage full or disabled: the search page opens empty rather than leak the paste.
    }
  }
  location.assign(searchUrl(query));
}

/** The paste handed to this page by {@link openSearch}, once; then it is forgotten. */
export function takeHandedOffPaste(): string | undefined {
  try {
    const paste = sessionStorage.getItem(KEY) ?? undefined;
    sessionStorage.removeItem(KEY);
    return paste;
  } catch {
    return undefined;
  }
}
