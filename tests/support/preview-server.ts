import { spawn, type ChildProcess } from "node:child_process";

/** A running `astro preview` of the built `dist/`. */
export interface PreviewServer {
  origin: string;
  stop: () => void;
}

/**
 * Serves the built site with `astro preview` on loopback and waits until it
 * answers, for the benchmark scripts (Playwright's tests use its webServer).
 */
export async function startPreview(port: number): Promise<PreviewServer> {
  const server: ChildProcess = spawn("astro", ["preview", "--host", "127.0.0.1", "--port", String(port)], {
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  // A benchmark cut short (Ctrl-C, a closed pipe) must not leave the server
  // running: Astro refuses a second preview of the project while it lives.
  process.once("exit", () => server.kill());
  let exited: number | null | undefined;
  server.on("exit", (code) => (exited = code));
  for (let attempt = 0; ; attempt++) {
    // Astro refuses a second preview of the same project: say so rather than wait.
    if (exited !== undefined)
      throw new Error(`astro preview exited (${exited}); is another preview running?`);
    try {
      await fetch(origin);
      break;
    } catch {
      if (attempt === 300) {
        server.kill();
        throw new Error(`astro preview did not answer on ${origin}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { origin, stop: () => server.kill() };
}
