// The module boundaries as a lint rule (see ARCHITECTURE.md, "Boundaries"). It resolves each
// relative (or `@/` web alias) import against the importing file and refuses:
// - server: a file outside modules/<m>/ importing anything of modules/<m>/ but its index
//   (tests and test support may also use another module's testing/ helpers);
// - server: a module or the kernel importing the composition root (app/), or the kernel
//   importing a module;
// - web: a file of src/features/<a>/ importing src/features/<b>/.
import path from 'node:path';

const SERVER_SRC = 'apps/server/src/';
const WEB_SRC = 'apps/web/src/';

const isTestSide = (file) => /\.test\.tsx?$|\.contract\.ts$|\/(testing|test-support)\//.test(file);

/** `rel` is repo-relative with forward slashes; returns [area name, rest] under `root`, or null. */
function under(rel, root) {
  if (!rel.startsWith(root)) return null;
  const [area, ...rest] = rel.slice(root.length).split('/');
  return area ? [area, rest.join('/')] : null;
}

function serverProblem(from, to) {
  if (!from.startsWith(SERVER_SRC)) return null;
  const fromModule = under(from, `${SERVER_SRC}modules/`);
  const toModule = under(to, `${SERVER_SRC}modules/`);
  if (toModule && fromModule?.[0] !== toModule[0]) {
    const index = /^index(\.[jt]s)?$/.test(toModule[1]);
    const testing = isTestSide(from) && toModule[1].split('/').some((p) => p === 'testing' || p === 'test-support');
    if (!index && !testing) return `import the ${toModule[0]} module through its index, not ${toModule[0]}/${toModule[1]}`;
  }
  const fromKernel = from.startsWith(`${SERVER_SRC}kernel/`);
  const toApp = to.startsWith(`${SERVER_SRC}app/`);
  if ((fromModule || fromKernel) && toApp && !isTestSide(from)) return 'modules and the kernel never import the composition root (app/)';
  if (fromKernel && toModule) return 'the kernel never imports a module';
  return null;
}

function webProblem(from, to) {
  const fromFeature = under(from, `${WEB_SRC}features/`);
  const toFeature = under(to, `${WEB_SRC}features/`);
  if (fromFeature && toFeature && fromFeature[0] !== toFeature[0]) {
    return `feature ${fromFeature[0]} may not import feature ${toFeature[0]}; move the shared piece to src/components or src/lib`;
  }
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules and web features are reached only through their public face' },
    schema: [],
    messages: { crossing: '{{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      let target;
      if (spec.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      else if (spec.startsWith('@/') && file.startsWith(WEB_SRC)) target = WEB_SRC + spec.slice(2);
      else return;
      const why = serverProblem(file, target) ?? webProblem(file, target);
      if (why) context.report({ node: node.source, messageId: 'crossing', data: { why } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { boundaries } };
