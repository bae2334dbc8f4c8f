/**
 * Opens a URL in the user's default browser: `open` on macOS, `explorer` on Windows, `xdg-open`
 * elsewhere, started without a shell (the URL is one argument, never parsed by a shell).
 * Resolves once the launcher exits with status 0; rejects when it is missing or fails, as on a
 * headless machine. The launcher is detached from the event loop, so a launcher that lingers
 * never keeps the process alive.
 *
 * @param url - The http(s) URL to open.
 * @returns A promise that settles when the launcher exits.
 * @example
 * ```ts
 * await openBrowser('https://www.lava.so').catch(() => console.log('Open https://www.lava.so'));
 * ```
 */
export async function openBrowser(url: string): Promise<void> {
  // Loaded on use, so importing the SDK does not load node:child_process.
  const { spawn } = await import('node:child_process');
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return new Promise((resolve, reject) => {
    // spawn rather than execFile: execFile pipes stdout/stderr, and those pipes would hold the event
    // loop open for as long as the launcher runs; with stdio ignored the child can be unref'd.
    const child = spawn(command, [url], { stdio: 'ignore', windowsHide: true });
    child.once('error', reject);
    child.once('exit', (status, signal) => {
      if (status === 0) resolve();
      else reject(new Error(`${command} exited with ${signal ?? `status ${status}`}`));
    });
    child.unref();
  });
}
