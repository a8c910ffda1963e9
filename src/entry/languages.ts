/**
 * The languages errdex covers: the one registry every other module reads
 * (URLs, the schema, the verifier, the pages). Adding a language starts
 * here; nothing else lists them.
 */
export const LANGUAGE_REGISTRY = {
  python: {
    /** How the site names the language. */
    label: "Python",
    /** The fence language its snippets are written in (```python repro). */
    snippetLang: "python",
    /** The entry kinds this language's entries may be. */
    kinds: ["exception", "message"],
  },
  node: {
    label: "Node.js",
    snippetLang: "ts",
    kinds: ["system-error", "error-code", "message"],
  },
  typescript: {
    label: "TypeScript",
    snippetLang: "ts",
    kinds: ["diagnostic"],
  },
} as const;

export type Language = keyof typeof LANGUAGE_REGISTRY;

/** The languages, in the order the site lists them. */
export const LANGUAGES = Object.keys(LANGUAGE_REGISTRY) as readonly Language[] as readonly [
  "python",
  "node",
  "typescript",
];

/** Human names for each language, for headings and badges. */
export const LANGUAGE_LABELS: Record<Language, string> = Object.fromEntries(
  LANGUAGES.map((language) => [language, LANGUAGE_REGISTRY[language].label]),
) as Record<Language, string>;

/** True when `value` names one of the covered languages. */
export function isLanguage(value: string): value is Language {
  return Object.hasOwn(LANGUAGE_REGISTRY, value);
}
