import type { ErrnoData } from "../schema/errno.ts";

/**
 * How an errno's Windows numbers read: `10061 (WSAECONNREFUSED) · CRT 107`,
 * or "not defined".
 */
export function windowsNumbers(name: string, windows: ErrnoData["windows"]): string {
  if (!windows) return "not defined";
  const parts: string[] = [];
  if (windows.winsock !== undefined) parts.push(`${windows.winsock} (WSA${name})`);
  if (windows.crt !== undefined) parts.push(`CRT ${windows.crt}`);
  return parts.join(" · ");
}

/** The value Node.js puts in `error.errno` for this errno on Linux and macOS. */
export function nodeErrno({ linux, macos }: Pick<ErrnoData, "linux" | "macos">): string {
  if (macos === null) return `${-linux} on Linux`;
  if (macos === linux) return `${-linux} on Linux and macOS`;
  return `${-linux} on Linux, ${-macos} on macOS`;
}
