/**
 * How a reader's pasted error reaches the page they open from search,
 * without a request carrying it: a followed search result leaves it in the
 * tab's sessionStorage for that page, and a shared link carries it in the
 * URL's fragment (`#your-error=…`), which browsers never send to a server.
 * Small on purpose: every entry page loads it to decide whether to load the
 * "Your error" box at all.
 */

/** The fragment prefix of a link that carries a reader's error. */
export const YOUR_ERROR_FRAGMENT = "your-error=";

const KEY = "errdex:your-error";

/** Remembers `paste` for the page at `url`, which the reader is about to open. */
export function leaveErrorFor(url: string, paste: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ url: new URL(url, location.href).pathname, paste }));
  } catch {
    // Storage full or disabled: the page opens without the box.
  }
}

/** Whether this page has an error to show, without taking it. */
export function hasErrorFor(pathname: string): boolean {
  if (location.hash.startsWith(`#${YOUR_ERROR_FRAGMENT}`)) return true;
  try {
    return (JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as { url?: string }).url === pathname;
  } catch {
    return false;
  }
}

/** The error to show on the page at `pathname`: from the fragment, or left by search (kept for a reload). */
export function takeErrorFor(pathname: string): string | undefined {
  if (location.hash.startsWith(`#${YOUR_ERROR_FRAGMENT}`)) {
    try {
      return decodeURIComponent(location.hash.slice(YOUR_ERROR_FRAGMENT.length + 1));
    } catch {
      return undefined;
    }
  }
  try {
    const left = JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as { url?: string; paste?: string };
    return left.url === pathname ? left.paste : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the error left by search (the reader dismissed it). */
export function forgetError(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
