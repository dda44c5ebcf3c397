// Redirections of one pipeline stage: `> file`, `>> file`, `2> file`, `*> file`, `> $null`
// and merges like `2>&1` or `*>&1`. Files are written through the Host as UTF-8 text when the
// stage ends; merged streams go to the stage's (possibly redirected) output pipe.

import type { Extent, RedirectionAst, StreamName } from '../language/ast.js';
import { type Expr, compileExpression } from './compile/expressions.js';
import type { ExecutionContext, Pipe, StreamRouter } from './context.js';
import { toStr } from './convert.js';
import { ErrorRecord } from './error-record.js';
import { RuntimeError } from './exceptions.js';
import { ioMessage } from './io-errors.js';
import { recordAsOutput } from './stream-records.js';
import type { StreamKind } from './streams.js';

export interface StageRedirection {
  readonly out: Pipe;
  readonly streams: StreamRouter;
  readonly finish: (() => void) | null;
}

type Target = { readonly kind: 'null' } | { readonly kind: 'file'; readonly path: string; readonly append: boolean; readonly items: unknown[]; readonly extent: Extent } | { readonly kind: 'output' };

function covers(from: StreamName, stream: StreamKind): boolean {
  if (from === 'all') return stream !== 'progress';
  return from === stream;
}

interface Formatter {
  renderToText(values: readonly unknown[], width: number): string;
}

/** Text a file redirection writes: plain values one per line, objects as the formatter renders them. */
function fileText(c: ExecutionContext, items: readonly unknown[]): string {
  const formatter = c.services.get('formatter') as Formatter | undefined;
  const plain = items.every((v) => v === null || typeof v !== 'object' || v instanceof ErrorRecord || 'messageData' in v);
  if (!plain && formatter !== undefined) return formatter.renderToText(items, 120);
  return items.map((v) => toStr(informationText(v)) + '\n').join('');
}

function informationText(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'messageData' in v ? (v as { messageData: unknown }).messageData : v;
}

export function compileRedirections(list: readonly RedirectionAst[]): ((c: ExecutionContext, out: Pipe, streams: StreamRouter) => StageRedirection) | null {
  if (list.length === 0) return null;
  const compiled = list.map((r) => ({
    from: r.fromStream,
    extent: r.extent,
    merge: r.kind === 'MergingRedirection',
    append: r.kind === 'FileRedirection' ? r.append : false,
    target: r.kind === 'FileRedirection' ? { expr: compileExpression(r.target) as Expr, isNull: r.target.kind === 'Variable' && r.target.name.toLowerCase() === 'null' } : null,
  }));
  return (c, out, streams) => {
    const targets = new Map<StreamKind, Target>();
    const files: Extract<Target, { kind: 'file' }>[] = [];
    for (const r of compiled) {
      let target: Target;
      if (r.merge) target = { kind: 'output' };
      else if (r.target === null || r.target.isNull) target = { kind: 'null' };
      else {
        const value = r.target.expr(c);
        if (value === null || value === undefined) target = { kind: 'null' };
        else {
          const path = c.resolvePath(toStr(value));
          const existing = files.find((f) => f.path === path);
          target = existing ?? { kind: 'file', path, append: r.append, items: [], extent: r.extent };
          if (existing === undefined) files.push(target);
        }
      }
      for (const s of ['output', 'error', 'warning', 'verbose', 'debug', 'information'] as const) {
        if (covers(r.from, s)) targets.set(s, target);
      }
    }
    const origin = { computer: c.host.computerName, user: c.host.userName, pid: c.host.process.pid, now: null };
    const outputTarget = targets.get('output');
    const stageOut: Pipe = outputTarget === undefined || outputTarget.kind === 'output' ? out
      : outputTarget.kind === 'null' ? { write: () => {} }
      : { write: (v) => outputTarget.items.push(v) };
    const router: StreamRouter = {
      write(stream, value) {
        const t = targets.get(stream);
        if (t === undefined) streams.write(stream, value);
        else if (t.kind === 'output') stageOut.write(stream === 'error' ? value : recordAsOutput(stream, value, origin));
        else if (t.kind === 'file') t.items.push(value);
      },
    };
    // Redirection is Out-File in PowerShell: a failed write is Out-File's terminating error.
    const finish = files.length === 0 ? null : () => {
      for (const f of files) {
        try {
          c.host.fs.writeText(f.path, fileText(c, f.items), f.append);
        } catch (e) {
          const error = RuntimeError.create(ioMessage(e, f.path), 'FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand', 'OpenError', 'System.IO.IOException', f.path);
          c.position(error.errorRecord, f.extent, 'Out-File');
          throw error;
        }
      }
    };
    return { out: stageOut, streams: router, finish };
  };
}
