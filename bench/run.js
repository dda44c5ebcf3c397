// `npm run bench`: every benchmark, side by side with its peer where one exists, printed as
// Markdown tables to paste into BENCHMARKS.md. Pass section names to run only some:
// node bench/run.js parse eval jobs remoting
import * as os from 'node:os';

const sections = {
  parse: async () => {
    const { benchParse } = await import('./parse.js');
    const r = benchParse();
    console.log(`\n### Parse throughput (${r.files} real-world files, ${(r.bytes / 1e6).toFixed(2)} MB)\n`);
    table(['parser', 'throughput', 'clean parses'], r.rows);
    if (r.pshFailed.length) console.log(`\npsh parse errors in: ${r.pshFailed.join(', ')}`);
  },
  eval: async () => {
    const { benchEval } = await import('./eval.js');
    console.log('\n### Evaluator\n');
    table(['benchmark', 'result', 'target / peer'], benchEval());
  },
  jobs: async () => {
    const { benchJobs } = await import('./jobs.js');
    console.log('\n### Jobs\n');
    table(['benchmark', 'result', 'target / peer'], await benchJobs());
  },
  remoting: async () => {
    const { benchRemoting } = await import('./remoting.js');
    console.log('\n### Remoting over SSH on loopback\n');
    table(['benchmark', 'result', 'target / peer'], await benchRemoting());
  },
};

function table(header, rows) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sections);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
for (const name of wanted) {
  try {
    await sections[name]();
  } catch (e) {
    console.log(`\n${name}: FAILED: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}
process.exit();
