import { Suspense } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '@/components/error-boundary';
import { lazyPage, retryFailedPages } from './lazy-page';
import { entryScriptOf, noticeNewBuild } from './new-build';

const Page = () => <p>the page</p>;

function renderLazy(load: () => Promise<{ default: typeof Page }>) {
  const Lazy = lazyPage(load, { attempts: 2, backoffMs: 1 });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  return render(
    <ErrorBoundary fallback={({ reset }) => <button onClick={() => { retryFailedPages(); reset(); }}>Retry</button>}>
      <Suspense fallback={<p>loading</p>}>
        <Lazy />
      </Suspense>
    </ErrorBoundary>,
  );
}

describe('lazyPage', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('when the first fetch of a page fails and the next succeeds, then the page shows without the error', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue({ default: Page });
    renderLazy(load);
    expect(await screen.findByText('the page')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('when every attempt fails during an outage, then Retry after the server is back loads the page', async () => {
    let up = false;
    const load = vi.fn(async () => {
      if (!up) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: Page };
    });
    renderLazy(load);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    const triedWhileDown = load.mock.calls.length;
    expect(triedWhileDown, 'two attempts, then the error shows instead of loading forever').toBe(2);
    up = true;
    await act(async () => fireEvent.click(retry));
    expect(await screen.findByText('the page')).toBeTruthy();
  });
});

describe('noticeNewBuild', () => {
  afterEach(() => document.head.querySelectorAll('script').forEach((s) => s.remove()));

  const serve = (html: string) => vi.fn<typeof fetch>(async () => new Response(html, { status: 200 }));

  it('when index.html names another entry script than the running one, then the tab reloads once', async () => {
    const script = Object.assign(document.createElement('script'), { type: 'module', src: '/assets/index-old111.js' });
    document.head.append(script);
    sessionStorage.clear();
    const reload = vi.fn();
    const html = '<script type="module" crossorigin src="/assets/index-new222.js"></script>';
    expect(await noticeNewBuild(serve(html), reload)).toBe(true);
    expect(await noticeNewBuild(serve(html), reload), 'not twice for the same build').toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('when the same build is served, or the server is down, then nothing reloads', async () => {
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: '/assets/index-same.js' }));
    const reload = vi.fn();
    expect(await noticeNewBuild(serve('<script type="module" crossorigin src="/assets/index-same.js"></script>'), reload)).toBe(false);
    expect(await noticeNewBuild(vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('down'))), reload)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('when Vite writes the entry tag, then its script is found', () => {
    expect(entryScriptOf('<head><script type="module" crossorigin src="/assets/index-AbC.js"></script></head>')).toBe('/assets/index-AbC.js');
  });
});
