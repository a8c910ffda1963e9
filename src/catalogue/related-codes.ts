import { templateParts } from "../entry/message-templates.ts";
import type { Catalogue, CataloguedCode, Entry } from "./catalogue.ts";

/**
 * The deep entries a catalogue page points to, for a code errdex has not
 * written up yet: for a Python class, the entries of its ancestors and of
 * the classes that share its base; for a TypeScript or Node.js code, the
 * entries of the same language whose messages share its rarest words
 * (TS2589 "Type instantiation is excessively deep…" leads to the other
 * instantiation and depth diagnostics). Hand-written because it weighs
 * errdex's own entries against each other, which no library knows about.
 */

/** Words too common in error messages to relate two of them. */
const COMMON = new Set(
  "type types that this with from must cannot have been only when which their there into will does than used using value values expected argument arguments property properties name names file files module modules error errors".split(
    " ",
  ),
);

function wordsOf(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of templateParts(text)
      .join(" ")
      .toLowerCase()
      .match(/[a-z]{4,}/g) ?? [])
      if (!COMMON.has(word)) words.add(word);
  }
  return words;
}

const MAX_RELATED = 5;

let memo: WeakMap<Catalogue, (code: CataloguedCode) => Entry[]> | undefined;

/** A function giving each catalogue code its related deep entries, best first. */
export function relatedEntriesOf(catalogue: Catalogue): (code: CataloguedCode) => Entry[] {
  memo ??= new WeakMap();
  const known = memo.get(catalogue);
  if (known) return known;

  const entryWords = new Map(
    catalogue.entries.map((entry) => [entry, wordsOf([entry.data.title, ...entry.data.messages])]),
  );
  // How many entries hold each word: a word few entries share says more.
  const frequency = new Map<string, number>();
  for (const words of entryWords.values())
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const total = catalogue.entries.length;

  const pythonPages = new Map(
    catalogue.codesOf("python").flatMap((code) => (code.entry ? [[code.row.name, code.entry] as const] : [])),
  );
  const baseOf = new Map(catalogue.codesOf("python").map((code) => [code.row.name, code.row.base]));

  const related = (code: CataloguedCode): Entry[] => {
    const { row } = code;
    if (row.language === "python") {
      const found: Entry[] = [];
      for (let at = row.base; at; at = baseOf.get(at)) {
        const entry = pythonPages.get(at);
        if (entry) found.push(entry);
      }
      for (const [name, entry] of pythonPages)
        if (name !== row.name && baseOf.get(name) === row.base && !found.includes(entry)) found.push(entry);
      return found.slice(0, MAX_RELATED);
    }
    const words = wordsOf([...row.templates, ...row.parts]);
    return catalogue
      .entriesOf(row.language)
      .map((entry) => {
        let score = 0;
        for (const word of entryWords.get(entry) ?? [])
          if (words.has(word)) score += Math.log(total / (frequency.get(word) ?? total));
        return { entry, score };
      })
      .filter(({ score }) => score >= 3)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_RELATED)
      .map(({ entry }) => entry);
  };
  memo.set(catalogue, related);
  return related;
}
