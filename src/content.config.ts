import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { displayPath, ERRNO_FILE, ERRORS_DIR } from "./lib/content-dir.ts";
import { entrySchema } from "./schema/entry.ts";
import { errnoSchema } from "./schema/errno.ts";

/** Error entries: `content/errors/<language>/<slug>.mdx`, id `<language>/<slug>`. */
const errors = defineCollection({
  loader: glob({ pattern: "*/*.mdx", base: displayPath(ERRORS_DIR) }),
  schema: entrySchema,
});

/** The errno table, keyed by errno name. */
const errno = defineCollection({
  loader: file(displayPath(ERRNO_FILE)),
  schema: errnoSchema,
});

export const collections = { errors, errno };
