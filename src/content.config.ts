import { defineCollection } from "astro:content";
import { file } from "astro/loaders";
import { displayPath, ERRNO_FILE, ERRORS_DIR } from "./lib/content-dir.ts";
import { errorEntriesLoader } from "./loaders/error-entries.ts";
import { entrySchema } from "./schema/entry.ts";
import { errnoSchema } from "./schema/errno.ts";

/**
 * Error entries: `content/errors/<language>/<slug>.mdx`, id `<language>/<slug>`,
 * rendered once into the content layer (see the loader for why).
 */
const errors = defineCollection({
  loader: errorEntriesLoader({ base: ERRORS_DIR }),
  schema: entrySchema,
});

/** The errno table, keyed by errno name. */
const errno = defineCollection({
  loader: file(displayPath(ERRNO_FILE)),
  schema: errnoSchema,
});

export const collections = { errors, errno };
