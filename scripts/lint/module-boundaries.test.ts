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

const server = 'apps/server/src';
const web = 'apps/web/src/features';
const deepMarket = 'import the market module through its index, not market/projector/cache-layout.js';
const featureCrossing = 'feature trading may not import feature portfolio; move the shared piece to src/components or src/lib';

// [when, file, code, the errors npm run lint must report]
const cases: Array<[string, string, string, string[]]> = [
  ['a server module deep-imports another module', `${server}/modules/trading/example.ts`, "export { tickerKey } from '../market/projector/cache-layout.js';", [deepMarket]],
  ['a nested module file imports another module through its index', `${server}/modules/portfolio/domain/example.ts`, "export { toOrderView } from '../../trading/index.js';", []],
  ['the composition root deep-imports a module', `${server}/app/example.ts`, "export { priceChannel } from '../modules/market/projector/cache-layout.js';", [deepMarket]],
  ['the kernel imports a module, even its index', `${server}/kernel/example.ts`, "export { marketModule } from '../modules/market/index.js';", ['the kernel never imports a module']],
  ['a module imports the composition root', `${server}/modules/trading/example.ts`, "export { MODULES } from '../../app/modules.js';", ['modules and the kernel never import the composition root (app/)']],
  ['a module test imports the composition root', `${server}/modules/trading/example.test.ts`, "export { MODULES } from '../../app/modules.js';", []],
  ["a module test uses another module's testing helpers", `${server}/modules/trading/example.test.ts`, "export { registerUser } from '../accounts/testing/clients.js';", []],
  ["module code uses another module's testing helpers", `${server}/modules/trading/example.ts`, "export { registerUser } from '../accounts/testing/clients.js';", ['import the accounts module through its index, not accounts/testing/clients.js']],
  ['a web feature imports another feature relatively', `${web}/trading/components/example.ts`, "export { usePortfolio } from '../../portfolio';", [featureCrossing]],
  ['a web feature imports another feature by alias', `${web}/trading/example.ts`, "export { usePortfolio } from '@/features/portfolio/api/portfolio';", [featureCrossing]],
  ['a web feature imports its own files, src/lib and src/components', `${web}/portfolio/components/example.ts`, "export { t } from '../../../lib/i18n';\nexport { Panel } from '../../../components/panel';\nexport { x } from '../api/portfolio';", []],
];

describe('module boundaries in npm run lint', () => {
  it.each(cases)('when %s, then lint reports exactly the crossing (if any)', async (_when, file, code, expected) => {
    expect(await crossings(file, `${code}\n`)).toEqual(expected);
  });
});
