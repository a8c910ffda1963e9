import { z } from "astro/zod";
import { LANGUAGES } from "./languages.ts";
import { SECTIONS } from "./sections.ts";

/**
 * The components an entry may use, without an import (the entry page
 * passes them to every entry) or imported from `errdex/components`. This
 * registry is their one definition: the entry reader checks every use
 * against it, naming the file and line of an unknown component or prop,
 * before @astrojs/mdx compiles the entry. The Astro components themselves
 * are in `src/components/entry/`.
 */

/** `python/key-error` (an entry) or `errno/ENOENT` (a row of the errno table). */
const referenceId = z
  .string()
  .regex(
    new RegExp(`^((${LANGUAGES.join("|")})/[a-z0-9]+(-[a-z0-9]+)*|errno/E[A-Z0-9]+)$`),
    "an entry id such as python/key-error, or errno/ENOENT",
  );

const version = z.string().regex(/^\d+(\.\d+){0,2}$/, "a version such as 3.12 or 22.12.0");

export const ENTRY_COMPONENTS = {
  /**
   * A link to another entry or errno page, showing that page's title:
   * `<Xref id="python/key-error" />`, `<Xref id="errno/ENOENT" section="fix" />`.
   * An id that does not exist stops the build.
   */
  Xref: {
    placement: "inline",
    props: z.strictObject({
      id: referenceId,
      /** A section of the target page, by its fixed id. */
      section: z.enum(SECTIONS.map((section) => section.id) as [string, ...string[]]).optional(),
    }),
  },
  /**
   * An errno name with its numbers on Linux, macOS and Windows, linking its
   * errno page: `<Errno name="ECONNREFUSED" />`. The name must be in the
   * errno table.
   */
  Errno: {
    placement: "inline",
    props: z.strictObject({ name: z.string().regex(/^E[A-Z0-9]+$/, "an errno name such as ENOENT") }),
  },
  /**
   * A note that holds only from (`since`) or until (`until`, the last
   * version it holds for) a runtime version:
   * `<VersionNote runtime="python" since="3.12">…</VersionNote>`.
   */
  VersionNote: {
    placement: "block",
    props: z
      .strictObject({
        runtime: z.enum(LANGUAGES),
        since: version.optional(),
        until: version.optional(),
      })
      .refine((props) => props.since !== undefined || props.until !== undefined, "give since, until or both"),
  },
  /** A note set apart from the prose: `<Callout kind="warning">…</Callout>`. */
  Callout: {
    placement: "block",
    props: z.strictObject({
      kind: z.enum(["note", "tip", "warning"]),
      /** A short heading; the kind's name when absent. */
      title: z.string().trim().min(1).max(60).optional(),
    }),
  },
} as const;

export type EntryComponentName = keyof typeof ENTRY_COMPONENTS;

/** The module entries may import the components from. */
export const COMPONENTS_MODULE = "errdex/components";

export function isEntryComponent(name: string): name is EntryComponentName {
  return Object.hasOwn(ENTRY_COMPONENTS, name);
}

/** The ids a component use refers to, which must exist in the catalogue. */
export function referencesOf(name: EntryComponentName, props: Record<string, unknown>): string[] {
  if (name === "Xref" && typeof props["id"] === "string") return [props["id"]];
  if (name === "Errno" && typeof props["name"] === "string") return [`errno/${props["name"]}`];
  return [];
}
