import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary errors the repo's own lint config reports for `code` as if it were `file`. */
async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'cryptosim/boundaries').map((m) => m.message);
}

describe('module boundaries in npm run lint', () => {
  it('when a server module deep-imports another module, then lint fails naming the module', async () => {
    const errors = await crossings('apps/server/src/modules/trading/example.ts', "import { tickerKey } from '../market/projector/cache-layout.js';\nexport const k = tickerKey;\n");
    expect(errors).toEqual(['import the market module through its index, not market/projector/cache-layout.js']);
  });

  it('when a nested module file imports another module through its index, then lint passes', async () => {
    const errors = await crossings('apps/server/src/modules/portfolio/domain/example.ts', "export { toOrderView } from '../../trading/index.js';\n");
    expect(errors).toEqual([]);
  });

  it('when the composition root or the kernel deep-imports a module, then lint fails', async () => {
    const fromApp = await crossings('apps/server/src/app/example.ts', "export { priceChannel } from '../modules/market/projector/cache-layout.js';\n");
    expect(fromApp).toEqual(['import the market module through its index, not market/projector/cache-layout.js']);
    const fromKernel = await crossings('apps/server/src/kernel/example.ts', "export { marketModule } from '../modules/market/index.js';\n");
    expect(fromKernel).toEqual(['the kernel never imports a module']);
  });

  it('when a module imports the composition root, then lint fails; its tests may', async () => {
    const code = "export { MODULES } from '../../app/modules.js';\n";
    expect(await crossings('apps/server/src/modules/trading/example.ts', code)).toEqual(['modules and the kernel never import the composition root (app/)']);
    expect(await crossings('apps/server/src/modules/trading/example.test.ts', code)).toEqual([]);
  });

  it("when a test uses another module's testing helpers, then lint passes; production code may not", async () => {
    const code = "export { registerUser } from '../accounts/testing/clients.js';\n";
    expect(await crossings('apps/server/src/modules/trading/example.test.ts', code)).toEqual([]);
    expect(await crossings('apps/server/src/modules/trading/example.ts', code)).toEqual(['import the accounts module through its index, not accounts/testing/clients.js']);
  });

  it('when a web feature imports another feature, relatively or by alias, then lint fails', async () => {
    const relative = await crossings('apps/web/src/features/trading/components/example.ts', "export { usePortfolio } from '../../portfolio';\n");
    expect(relative).toEqual(['feature trading may not import feature portfolio; move the shared piece to src/components or src/lib']);
    const alias = await crossings('apps/web/src/features/trading/example.ts', "export { usePortfolio } from '@/features/portfolio/api/portfolio';\n");
    expect(alias).toEqual(['feature trading may not import feature portfolio; move the shared piece to src/components or src/lib']);
  });

  it('when a web feature imports its own files, src/lib or src/components, then lint passes', async () => {
    const code = "export { t } from '../../../lib/i18n';\nexport { Panel } from '../../../components/panel';\nexport { x } from '../api/portfolio';\n";
    expect(await crossings('apps/web/src/features/portfolio/components/example.ts', code)).toEqual([]);
  });
});
