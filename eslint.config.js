// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * ESLint with typescript-eslint's type-checked rules over every TypeScript
 * file (the .astro files are type-checked by `astro check`). `npm run lint`
 * runs it with --max-warnings 0, then knip for unused files and exports.
 */
export default tseslint.config(
  {
    ignores: [
      "dist/",
      ".dist-staging/",
      ".dist-replaced-*/",
      ".astro/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "tests/fixtures/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
      // `_name` marks a value that is destructured away on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Served as written (public/): the alias pages' script runs in the browser.
    files: ["public/**/*.js"],
    languageOptions: { globals: { document: "readonly", location: "readonly" } },
  },
);
