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
  /**
   * Set when Linux defines this name as another name for an existing one
   * (`EWOULDBLOCK` is `EAGAIN`): the number's URL, `/errno/11/`, then leads
   * to that one.
   */
  synonymOf: z
    .string()
    .regex(/^E[A-Z0-9]+$/)
    .optional(),
  /** The number on macOS, or null where macOS does not define the name. */
  macos: z.number().int().positive().nullable(),
  /**
   * Windows: the Winsock `WSAE…` code, the C runtime's `errno.h` number,
   * and libuv's number, which Node.js puts in `error.errno` on Windows
   * (`-4058` for ENOENT); null where Windows has none of them.
   */
  windows: z
    .strictObject({
      winsock: z.number().int().min(10000).optional(),
      crt: z.number().int().positive().optional(),
      libuv: z.number().int().max(-3000).optional(),
    })
    .refine(
      (w) => w.winsock !== undefined || w.crt !== undefined || w.libuv !== undefined,
      "give winsock, crt, libuv or a mix (or null)",
    )
    .nullable(),
  /** The OSError subclass Python raises for this errno, where it is not plain OSError. */
  python: z
    .string()
    .regex(/^[A-Z]\w+Error$/)
    .optional(),
});

export type ErrnoData = z.infer<typeof errnoSchema>;
