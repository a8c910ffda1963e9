import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { entrySchema } from "./schema/entry.ts";
import { errnoSchema } from "./schema/errno.ts";

/** Error entries: `content/errors/<language>/<slug>.mdx`, id `<language>/<slug>`. */
const errors = defineCollection({
  loader: glob({ pattern: "*/*.mdx", base: "./content/errors" }),
  schema: entrySchema,
});

/** The errno table, keyed by errno name. */
const errno = defineCollection({
  loader: file("./content/errno.yaml"),
  schema: errnoSchema,
});

export const collections = { errors, errno };
