import { z } from "astro/zod";
import { notPlaceholders, placeholderNames } from "./message-templates.ts";
import { LANGUAGES } from "./languages.ts";
import { RUNTIMES, RUNTIME_NAMES, releaseOf, supportedReleases, type Runtime } from "./runtime-versions.ts";

/**
 * The front matter of an error entry (`content/errors/<language>/<slug>.mdx`).
 * This schema is the one definition of an entry's fields: the content
 * collection validates every file against it, pages read the typed result,
 * and the unit tests exercise it directly.
 */

/** What kind of identity an entry documents. */
export const KINDS = {
  exception: "Exception class",
  "system-error": "System error code",
  "error-code": "Error code",
  message: "Error message",
  diagnostic: "Compiler diagnostic",
} as const;
export type Kind = keyof typeof KINDS;

/** Categories group entries on the index pages. */
export const CATEGORIES = {
  network: "Network and sockets",
  filesystem: "Files and paths",
  modules: "Imports and modules",
  lookup: "Keys, indexes and properties",
  types: "Types and values",
  syntax: "Syntax and parsing",
  encoding: "Text, encodings and JSON",
  streams: "Streams and pipes",
  processes: "Processes and signals",
  runtime: "Runtime and resources",
} as const;
export type Category = keyof typeof CATEGORIES;

/** How much harm the error tends to do when it reaches production. */
const RISK_LEVELS = ["low", "medium", "high"] as const;

/** Official documentation hosts a source may point at. */
const OFFICIAL_SOURCE_HOSTS = [
  "docs.python.org",
  "peps.python.org",
  "nodejs.org",
  "www.typescriptlang.org",
  "github.com/microsoft/TypeScript",
  "man7.org",
  "learn.microsoft.com",
  "developer.mozilla.org",
  "tc39.es",
] as const;

/** True when `url` is on one of the official documentation hosts. */
export function isOfficialSource(url: string): boolean {
  const { host, pathname } = new URL(url);
  return OFFICIAL_SOURCE_HOSTS.some((allowed) => {
    const [allowedHost, ...path] = allowed.split("/");
    return host === allowedHost && pathname.startsWith(`/${path.join("/")}`);
  });
}

/** One sentence: ends in . ! or ?, with no sentence break inside. */
const oneSentence = z
  .string()
  .trim()
  .min(20, "write a whole sentence")
  .max(159, "keep it under 160 characters")
  .refine((text) => /[.!?]$/.test(text), "end the sentence with . ! or ?")
  .refine((text) => !/[.!?]\s+[A-Z]/.test(text.slice(0, -1)), "use one sentence, not several");

const errnoName = z.string().regex(/^E[A-Z0-9]+$/, "an errno name such as ECONNREFUSED");

/** An entry id, `<language>/<slug>`, as used in `related`. */
const entryId = z
  .string()
  .regex(
    new RegExp(`^(${LANGUAGES.join("|")})/[a-z0-9]+(-[a-z0-9]+)*$`),
    "an entry id such as python/key-error",
  );

/**
 * Where an error exists only from or until some version of a runtime. The
 * verifier holds the entry to it: inside the span every snippet keeps its
 * role; outside it the repro must not reproduce the error.
 */
const LEGACY_RELEASES = RUNTIME_NAMES.flatMap((runtime) =>
  RUNTIMES[runtime].legacy.map((version) => releaseOf(runtime, version)),
);

function versionSpan(runtime: Runtime) {
  const releases = supportedReleases(runtime);
  const release = z.enum(releases as [string, ...string[]], {
    error: `one of the supported ${RUNTIMES[runtime].label} versions (${releases.join(", ")})`,
  });
  return z
    .strictObject({
      /** The first supported version that has the error. */
      since: release.optional(),
      /** The first supported version that no longer has it. */
      removedIn: release.optional(),
    })
    .refine((span) => span.since || span.removedIn, "give `since`, `removedIn` or both");
}

export const entrySchema = z
  .strictObject({
    /** The error's name as people see it: a class, a code or a message. */
    title: z.string().trim().min(1),
    /** One sentence, under 160 characters, saying what the error is. */
    summary: oneSentence,
    kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]),
    category: z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]]),
    /** Production risk: a level and one sentence on why. */
    risk: z.strictObject({
      level: z.enum(RISK_LEVELS),
      note: oneSentence,
    }),
    /** The parent class (Python `ConnectionError`, JavaScript `Error`). */
    parent: z.string().trim().min(1).optional(),
    /** Errno names this error corresponds to; each must be in the errno table. */
    errno: z.array(errnoName).default([]),
    /**
     * The error code (`ECONNREFUSED`, `ERR_MODULE_NOT_FOUND`, `TS2322`), or one
     * of the few Node.js codes outside those patterns: CommonJS's
     * `MODULE_NOT_FOUND`, undici's `UND_ERR_*` and OpenSSL's certificate
     * verification codes (`SELF_SIGNED_CERT_IN_CHAIN`, `CERT_HAS_EXPIRED`,
     * `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`), which Node.js puts on TLS errors.
     */
    code: z
      .string()
      .regex(
        /^(E[A-Z0-9_]+|MODULE_NOT_FOUND|UND_ERR_[A-Z0-9_]+|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|TS\d{4,5})$/,
        "a code such as ECONNREFUSED, EAI_AGAIN, ERR_X, MODULE_NOT_FOUND, SELF_SIGNED_CERT_IN_CHAIN or TS2322",
      )
      .optional(),
    /** Messages exactly as the runtime prints them, with `{placeholders}`. */
    messages: z
      .array(
        // "" stands for an error printed with no message at all (KeyboardInterrupt).
        z.string().superRefine((template, context) => {
          for (const span of notPlaceholders(template))
            context.addIssue({
              code: "custom",
              message: `"${span}" is not a placeholder: name it with a letter first, like {path}`,
            });
        }),
      )
      .min(1, "list at least one message template"),
    /**
     * For a template, one sentence that explains a reader's own message,
     * using the template's placeholders: `"'{key}'": "The mapping has no key
     * {key}."` The page fills in the reader's values when it is opened from
     * a search of their error ("Your error"). Keys must be templates listed in
     * `messages`, and a sentence may use only its template's placeholders.
     */
    explain: z.record(z.string(), oneSentence).default({}),
    /**
     * The fix in one sentence, for the "Copy for ticket" text. Optional: by
     * default it is the first sentence of the Fix section, which is enough
     * when that sentence says what to do on its own.
     */
    fixLine: oneSentence.optional(),
    /** Other spellings people type for this error. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** Related entries by id (`python/connection-error`). */
    related: z.array(entryId).default([]),
    /** Official documentation the entry is written from. */
    sources: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1),
          url: z
            .url({ protocol: /^https$/ })
            .refine(isOfficialSource, `link official documentation (${OFFICIAL_SOURCE_HOSTS.join(", ")})`),
        }),
      )
      .min(1, "cite at least one official source"),
    /**
     * Small programs run on a legacy version people still paste from
     * (Python 2.7, Node.js 16), whose wording becomes a template and a row
     * of "Message by version" without the entry's snippets running there:
     * `{ on: "2.7", code: "print(json.dumps({}))" }`. Python probes are
     * Python 2 code; Node.js probes plain CommonJS JavaScript.
     */
    probes: z
      .array(
        z.strictObject({
          /** A legacy release of the entry's runtime. */
          on: z.enum(LEGACY_RELEASES as [string, ...string[]], {
            error: `one of the legacy versions probes run on (${LEGACY_RELEASES.join(", ")})`,
          }),
          /** The program: it must fail with the entry's error. */
          code: z.string().trim().min(1),
        }),
      )
      .default([]),
    /**
     * Only for an error that exists from or until some version:
     * `{ python: { since: "3.11" } }`, `{ node: { removedIn: "22" } }`.
     * Which versions an entry applies to is otherwise what the verifier
     * recorded on every supported version ("Message by version").
     */
    versions: z
      .strictObject(
        Object.fromEntries(RUNTIME_NAMES.map((runtime) => [runtime, versionSpan(runtime).optional()])) as {
          [R in Runtime]: z.ZodOptional<ReturnType<typeof versionSpan>>;
        },
      )
      .optional(),
  })
  .superRefine((entry, context) => {
    for (const [template, sentence] of Object.entries(entry.explain)) {
      if (!entry.messages.includes(template)) {
        context.addIssue({
          code: "custom",
          path: ["explain", template],
          message: `explains "${template}", which is not one of messages`,
        });
        continue;
      }
      const own = new Set(placeholderNames(template));
      for (const name of placeholderNames(sentence)) {
        if (!own.has(name))
          context.addIssue({
            code: "custom",
            path: ["explain", template],
            message: `uses {${name}}, which "${template}" does not have (it has ${[...own].map((n) => `{${n}}`).join(", ") || "none"})`,
          });
      }
    }
  });

export type EntryData = z.infer<typeof entrySchema>;
