import { z } from "astro/zod";

/**
 * One row of the errno table (`content/errno.yaml`), keyed by its name.
 * The table is the one place errno numbers are written down.
 */
export const errnoSchema = z.strictObject({
  /** The standard message, as `strerror()` prints it on Linux. */
  message: z.string().trim().min(1),
  /** What the error means, in one or two plain sentences. */
  meaning: z.string().trim().min(20),
  /** The number on Linux (x86-64 and arm64 share it). */
  linux: z.number().int().positive(),
  /** The number on macOS, or null where macOS does not define the name. */
  macos: z.number().int().positive().nullable(),
  /**
   * The Windows number: the Winsock `WSAE…` code where one exists, the C
   * runtime's `errno.h` number otherwise, or null where Windows has none.
   */
  windows: z
    .strictObject({
      number: z.number().int().positive(),
      symbol: z.string().regex(/^(WSAE|E)[A-Z0-9]+$/),
      source: z.enum(["winsock", "crt"]),
    })
    .nullable(),
});

export type ErrnoData = z.infer<typeof errnoSchema>;
