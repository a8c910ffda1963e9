/**
 * Filters `[data-table-filter]` tables as the reader types: a row stays
 * when it holds every word typed, in any column, ignoring case. The status
 * line says how many rows show, for screen readers too. Each row's text is
 * read and lowercased once, on the first keystroke (not on load, where
 * 2,000 rows' text took a second of a throttled phone's main thread), so a
 * keystroke is one pass of `includes`.
 */
for (const section of document.querySelectorAll<HTMLElement>("[data-table-filter]")) {
  const input = section.querySelector<HTMLInputElement>("[data-table-filter-input]");
  const status = section.querySelector<HTMLElement>("[data-table-filter-status]");
  if (!input || !status) continue;
  let rows: { row: HTMLTableRowElement; text: string }[] | undefined;
  const filter = () => {
    rows ??= [...section.querySelectorAll<HTMLTableRowElement>("tbody tr")].map((row) => ({
      row,
      text: (row.textContent ?? "").toLowerCase(),
    }));
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { row, text } of rows) {
      const keep = words.every((word) => text.includes(word));
      row.hidden = !keep;
      if (keep) shown++;
    }
    status.textContent =
      words.length > 0 ? `${shown.toLocaleString("en")} of ${rows.length.toLocaleString("en")} shown` : "";
  };
  input.addEventListener("input", filter);
  // A filter the browser restored (back button) applies at once.
  if (input.value) filter();
}
