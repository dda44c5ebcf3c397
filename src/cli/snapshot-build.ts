// Build step after tsc and the ESM bundle (`npm run build`): bundles snapshot.ts as one CommonJS
// script, has Node build the start-up snapshot from it, records which Node built it, and installs
// the launcher beside the bundle. The blob is only valid for the Node binary that built it.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = path.join(root, 'dist/bundle/cli');
const script = path.join(out, 'snapshot.cjs');
const blob = path.join(out, 'psh.blob');

// Inside the snapshot only Node's built-in modules can be required, and relative module URLs
// are known only at run time: other packages (ssh2) are required relative to the bundle then.
// worker_threads and child_process load only when first used: loaded while the snapshot is
// built, worker_threads keeps state that breaks every worker started from the snapshot.
const banner = [
  'var __pshRequire = require;',
  'var __pshLazy = (id) => { let m; return new Proxy({}, { get: (_, key) => (m ??= __pshRequire(id))[key] }); };',
  'var require = (id) => {',
  '  if (id === "node:worker_threads" || id === "node:child_process") return __pshLazy(id);',
  '  try { return __pshRequire(id); } catch (e) {',
  '    if (id.startsWith("node:")) throw e;',
  '    return __pshRequire("node:module").createRequire(globalThis.__pshModuleUrl)(id);',
  '  }',
  '};',
].join('\n');

await build({
  entryPoints: [path.join(root, 'dist/cli/snapshot.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: script,
  external: ['ssh2', 'cpu-features'],
  define: { 'import.meta.url': '__pshModuleUrl' },
  banner: { js: banner },
  logLevel: 'error',
});

fs.rmSync(blob, { force: true });
// Node warns about every built-in module it has not verified in snapshots; only a failure is news.
const built = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { encoding: 'utf8' });
if (built.status !== 0) {
  console.error(`${built.stderr}psh: building the start-up snapshot failed (exit ${built.status ?? built.signal})`);
  process.exit(1);
}
fs.writeFileSync(`${blob}.node`, fs.realpathSync(process.execPath) + '\n');
fs.copyFileSync(path.join(root, 'src/cli/psh.sh'), path.join(out, 'psh'));
fs.chmodSync(path.join(out, 'psh'), 0o755);
