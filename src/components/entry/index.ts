/**
 * The entry components, by the names entries use (src/entry/components.ts
 * defines their props). Every entry page passes them to its entry, and an
 * entry may also import them: `import { Xref } from "errdex/components";`.
 */
export { default as Callout } from "./Callout.astro";
export { default as Errno } from "./Errno.astro";
export { default as VersionNote } from "./VersionNote.astro";
export { default as Xref } from "./Xref.astro";
