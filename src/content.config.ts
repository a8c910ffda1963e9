import { defineCollection } from "astro:content";
import { file } from "astro/loaders";
import { displayPath, ERRNO_FILE, ERRORS_DIR } from "./content-layer/content-dir.ts";
import { errorEntriesLoader } from "./content-layer/loader.ts";
import { entrySchema } from "./entry/schema.ts";
import { errnoSchema } from "./catalogue/errno-schema.ts";

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
