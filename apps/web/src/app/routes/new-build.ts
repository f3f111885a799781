/**
 * Whether the server now serves another build than the one this tab runs: index.html names
 * the entry script by its content hash, so a different name means new code. When it has
 * changed the tab reloads (once per build, so a broken deployment cannot loop it).
 */
const RELOADED_KEY = 'cryptosim.reloadedFor';

export function entryScriptOf(html: string): string | null {
  return /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? /<script[^>]+src="([^"]+)"[^>]+type="module"/.exec(html)?.[1] ?? null;
}

function currentEntry(): string | null {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.src, location.href).pathname : null;
}

export async function noticeNewBuild(fetchPage: typeof fetch = fetch, reload: () => void = () => location.reload()): Promise<boolean> {
  const running = currentEntry();
  if (!running) return false; // the dev server, or a test
  let served: string | null;
  try {
    const response = await fetchPage('/', { cache: 'no-store', headers: { Accept: 'text/html' } });
    if (!response.ok) return false;
    served = entryScriptOf(await response.text());
  } catch {
    return false; // still down: the page's Retry will try again
  }
  if (!served || new URL(served, location.href).pathname === running) return false;
  try {
    if (sessionStorage.getItem(RELOADED_KEY) === served) return false;
    sessionStorage.setItem(RELOADED_KEY, served);
  } catch {
    // No storage: reload anyway; the new build's entry will match next time.
  }
  reload();
  return true;
}
