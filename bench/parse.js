// Parse throughput (MB/s) and the share of real-world files parsed without error: psh's
// Chevrotain parser against tree-sitter-powershell on the same files, in one run.
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import { parse } from '../dist/language/index.js';
import { loadCorpus } from './corpus.js';

function timeIt(fn, minMs = 1500) {
  fn(); // warm up
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

export function benchParse() {
  const corpus = loadCorpus();
  const bytes = corpus.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const ts = new Parser();
  ts.setLanguage(PowerShell);
  const pshFailed = corpus.filter((f) => parse(f.text, f.file).errors.length > 0);
  const tsFailed = corpus.filter((f) => ts.parse(f.text).rootNode.hasError);
  const pshMs = timeIt(() => { for (const f of corpus) parse(f.text, f.file); });
  const tsMs = timeIt(() => { for (const f of corpus) ts.parse(f.text); });
  const mbps = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  return {
    files: corpus.length,
    bytes,
    rows: [
      ['psh (chevrotain)', `${mbps(pshMs)} MB/s`, `${corpus.length - pshFailed.length}/${corpus.length} files without error`],
      ['tree-sitter-powershell', `${mbps(tsMs)} MB/s`, `${corpus.length - tsFailed.length}/${corpus.length} files without error`],
    ],
    pshFailed: pshFailed.map((f) => f.file),
  };
}
