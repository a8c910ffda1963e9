/**
 * Makes `table[data-sortable]` sortable by any column: each heading becomes
 * a button (keyboard-operable), and `aria-sort` tells assistive technology
 * the current order. Without JavaScript the table stays sorted by name.
 */
for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
  const body = table.tBodies[0];
  const headings = [...table.querySelectorAll<HTMLTableCellElement>("thead th")];
  if (!body) continue;
  headings.forEach((heading, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.append(...heading.childNodes);
    heading.append(button);
    button.addEventListener("click", () => {
      const ascending = heading.getAttribute("aria-sort") !== "ascending";
      const numeric = heading.hasAttribute("data-numeric");
      const key = (row: HTMLTableRowElement) => row.cells[column]?.textContent?.trim() ?? "";
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = numeric ? (Number(x) || Infinity) - (Number(y) || Infinity) : x.localeCompare(y, "en");
        return ascending ? order : -order;
      });
      body.append(...rows);
      for (const other of headings) other.removeAttribute("aria-sort");
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
}
