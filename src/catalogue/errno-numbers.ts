import type { ErrnoData } from "./errno-schema.ts";

/**
 * How an errno's Windows numbers read: `10061 (WSAECONNREFUSED) · CRT 107`,
 * or "not defined".
 */
export function windowsNumbers(name: string, windows: ErrnoData["windows"]): string {
  if (!windows) return "not defined";
  const parts: string[] = [];
  if (windows.winsock !== undefined) parts.push(`${windows.winsock} (WSA${name})`);
  if (windows.crt !== undefined) parts.push(`CRT ${windows.crt}`);
  return parts.join(" · ") || "not defined";
}

/** The value Node.js puts in `error.errno` for this errno on Linux, macOS and Windows. */
export function nodeErrno({ linux, macos, windows }: Pick<ErrnoData, "linux" | "macos" | "windows">): string {
  const unix =
    macos === null
      ? `${-linux} on Linux`
      : macos === linux
        ? `${-linux} on Linux and macOS`
        : `${-linux} on Linux, ${-macos} on macOS`;
  return windows?.libuv === undefined ? unix : `${unix}, ${windows.libuv} on Windows`;
}
