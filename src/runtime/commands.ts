// Pipelines and commands: resolving a name (alias → function → cmdlet → script file → native
// program), evaluating arguments (splatting, `--%`), and running stages object by object:
// every stage's begin, then each output object of stage i goes straight into stage i+1's
// process, then every end. Redirections wrap a stage's output pipe and stream router.

import type { CommandAst, CommandElementAst, ExpressionAst, Extent, PipelineAst } from '../language/ast.js';
import { parse } from '../language/index.js';
import { type CommandArgument, bindArguments, bindPipelineInput, cmdletMeta, inputNotBound } from './binder.js';
import type { CmdletDefinition, CmdletInstance } from './cmdlet.js';
import { makeCmdletContext, variableList } from './cmdlet-context.js';
import { type Expr, compileExpression } from './compile/expressions.js';
import { type Stmt, emitValue } from './compile/statements.js';
import type { ExecutionContext, Pipe, StreamRouter } from './context.js';
import { toStr } from './convert.js';
import { integerBounds, range } from './operators.js';
import { ErrorRecord, PSException } from './error-record.js';
import { RuntimeError, StopUpstreamError } from './exceptions.js';
import { ScriptCommand, compileScriptBlock } from './invoke.js';
import { NativeCommand } from './native.js';
import { type StageRedirection, compileRedirections } from './redirection.js';
import type { FunctionInfo } from './scope.js';
import { PSHashtable, ScriptBlock } from './values.js';

export interface CommandProcessor {
  begin(): void;
  process(input: unknown, hasInput: boolean): void;
  end(): void;
  /** A script's `clean {}`: called once the pipeline is done with the command, however it ended. */
  clean?(): void;
}

/**
 * Runs every stage's clean block in pipeline order. A clean block's failure is rethrown after all
 * ran, unless the pipeline is already failing: then the first failure is the one reported.
 */
function cleanAll(procs: readonly CommandProcessor[], failing: boolean): void {
  let failure: { error: unknown } | null = null;
  for (const p of procs) {
    try {
      p.clean?.();
    } catch (e) {
      failure ??= { error: e };
    }
  }
  if (failure !== null && !failing) throw failure.error;
}

export type ResolvedCommand =
  | { readonly kind: 'function'; readonly name: string; readonly info: FunctionInfo }
  | { readonly kind: 'cmdlet'; readonly name: string; readonly def: CmdletDefinition }
  | { readonly kind: 'script'; readonly name: string; readonly path: string }
  | { readonly kind: 'native'; readonly name: string; readonly path: string };

export function resolveCommand(c: ExecutionContext, name: string): ResolvedCommand | null {
  let key = name.toLowerCase();
  const alias = c.aliases.get(key);
  if (alias !== undefined) {
    name = alias;
    key = alias.toLowerCase();
  }
  const fn = c.scope.lookupFunction(key);
  if (fn !== undefined) return { kind: 'function', name: fn.name, info: fn };
  const slash = key.lastIndexOf('\\');
  const cmdlet = c.cmdlets.get(slash >= 0 && !key.startsWith('.') ? key.slice(slash + 1) : key);
  if (cmdlet !== undefined) return { kind: 'cmdlet', name: cmdlet.name, def: cmdlet };
  const isPath = name.includes('/') || name.includes('\\');
  if (key.endsWith('.ps1')) {
    const path = c.resolvePath(name);
    if (c.host.fs.exists(path)) return { kind: 'script', name, path };
  }
  const native = c.host.process.which(isPath ? c.resolvePath(name) : name, c.location);
  if (native !== null) return { kind: 'native', name, path: native };
  return null;
}

export function commandNotFound(name: string): RuntimeError {
  return RuntimeError.create(
    `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    'CommandNotFoundException', 'ObjectNotFound', 'System.Management.Automation.CommandNotFoundException', name);
}

type ArgSpec =
  | { readonly kind: 'param'; readonly name: string; readonly arg: Expr | null }
  | { readonly kind: 'value'; readonly expr: Expr }
  | { readonly kind: 'splat'; readonly expr: Expr }
  | { readonly kind: 'verbatim'; readonly text: string };

function argSpec(e: CommandElementAst): ArgSpec {
  switch (e.kind) {
    case 'CommandParameter': return { kind: 'param', name: e.parameterName, arg: e.argument === null ? null : compileExpression(e.argument) };
    case 'VerbatimArgument': return { kind: 'verbatim', text: e.text };
    case 'Variable':
      if (e.splatted) return { kind: 'splat', expr: compileExpression({ ...e, splatted: false }) };
  }
  return { kind: 'value', expr: compileExpression(e) };
}

export interface EvaluatedArgument extends CommandArgument {
  /** `--%` text, only meaningful to native programs. */
  readonly verbatim?: boolean;
}

function evalArgs(c: ExecutionContext, specs: readonly ArgSpec[]): EvaluatedArgument[] {
  const out: EvaluatedArgument[] = [];
  for (const s of specs) {
    switch (s.kind) {
      case 'param':
        out.push(s.arg === null ? { name: s.name, value: null, hasValue: false } : { name: s.name, value: s.arg(c) ?? null, hasValue: true });
        break;
      case 'value': out.push({ name: null, value: s.expr(c) ?? null, hasValue: false }); break;
      case 'verbatim': out.push({ name: null, value: s.text, hasValue: false, verbatim: true }); break;
      case 'splat': {
        const v = s.expr(c) ?? null;
        if (v instanceof PSHashtable) for (const [k, x] of v) out.push({ name: toStr(k), value: x, hasValue: true });
        else if (Array.isArray(v)) for (const x of v) out.push({ name: null, value: x, hasValue: false });
        else if (v !== null) out.push({ name: null, value: v, hasValue: false });
      }
    }
  }
  return out;
}

/** A stage ready to run: its processor plus what to do once it has ended (file redirections). */
interface Stage {
  readonly proc: CommandProcessor;
  readonly name: string | null;
  readonly extent: Extent;
  readonly streams: StreamRouter;
  readonly finish: (() => void) | null;
  /** Input written before the stage's begin ran (an upstream begin block's output); null once begun. */
  early: unknown[] | null;
}

type StageFactory = (c: ExecutionContext, out: Pipe, streams: StreamRouter, expectsInput: boolean) => { proc: CommandProcessor; name: string | null };

function scriptCommand(c: ExecutionContext, name: string, block: ScriptBlock | FunctionInfo, args: readonly CommandArgument[], out: Pipe, streams: StreamRouter, dotSource: boolean, expectsInput: boolean): ScriptCommand {
  const compiled = block instanceof ScriptBlock
    ? compileScriptBlock(block.ast, name)
    : compileScriptBlock(block.ast, block.name, block.parameters, block.isFilter);
  return new ScriptCommand(c, { name, compiled, args, out, streams, dotSource, expectsInput, scriptFile: null });
}

export function scriptFileCommand(c: ExecutionContext, path: string, args: readonly CommandArgument[], out: Pipe, streams: StreamRouter, dotSource: boolean, expectsInput: boolean): ScriptCommand {
  const text = c.host.fs.readText(path);
  c.sources.set(path, text);
  const parsed = parse(text, path);
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    const err = RuntimeError.create(e.message, e.errorId, 'ParserError', 'System.Management.Automation.ParseException');
    err.scriptTerminating = true;
    throw err;
  }
  const compiled = compileScriptBlock(parsed.ast, path);
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0)) || '/';
  return new ScriptCommand(c, {
    name: path, compiled, args, out, streams, dotSource, expectsInput, scriptFile: path,
    extraVariables: dotSource ? undefined : { PSScriptRoot: dir, PSCommandPath: path },
  });
}

/** Instantiates the resolved command for one pipeline stage. */
export function createProcessor(c: ExecutionContext, target: ResolvedCommand | ScriptBlock, args: readonly EvaluatedArgument[], out: Pipe, streams: StreamRouter, dotSource: boolean, expectsInput: boolean, extent: Extent | null): CommandProcessor {
  if (target instanceof ScriptBlock) return scriptCommand(c, '', target, args, out, streams, dotSource, expectsInput);
  switch (target.kind) {
    case 'function': return scriptCommand(c, target.name, target.info, args, out, streams, dotSource, expectsInput);
    case 'cmdlet': return new CmdletCommand(c, target.def, args, out, streams, expectsInput, extent);
    case 'script': return scriptFileCommand(c, target.path, args, out, streams, dotSource, expectsInput);
    case 'native': return new NativeCommand(c, target.path, args, out, streams);
  }
}

function commandStage(ast: CommandAst): StageFactory {
  const [first, ...rest] = ast.elements;
  const specs = rest.map(argSpec);
  const dotSource = ast.invocationOperator === '.';
  const extent = ast.extent;
  let staticName: string | null = null;
  let nameExpr: Expr | null = null;
  if (first.kind === 'StringConstant') staticName = first.value;
  else if (first.kind !== 'CommandParameter' && first.kind !== 'VerbatimArgument') nameExpr = compileExpression(first);
  return (c, out, streams, expectsInput) => {
    let target: ResolvedCommand | ScriptBlock | null;
    let name: string;
    if (staticName !== null) {
      name = staticName;
      target = resolveCommand(c, staticName);
    } else {
      const v = nameExpr === null ? null : nameExpr(c) ?? null;
      if (v instanceof ScriptBlock) {
        name = '';
        target = v;
      } else {
        name = toStr(v);
        target = resolveCommand(c, name);
      }
    }
    if (target === null) throw commandNotFound(name);
    const args = evalArgs(c, specs);
    const displayName = target instanceof ScriptBlock ? null : target.name;
    return { proc: createProcessor(c, target, args, out, streams, dotSource, expectsInput, extent), name: displayName };
  };
}

/**
 * An expression first in a pipeline. A range streams its numbers instead of building the array,
 * so `1..1e9 | Select-Object -First 3` ends as soon as the numbers stop being wanted.
 */
function expressionStage(ast: ExpressionAst): StageFactory {
  const expr = ast.kind === 'Binary' && ast.operator === '..' ? rangeStream(compileExpression(ast.left), compileExpression(ast.right)) : compileExpression(ast);
  return (c, out) => ({
    name: null,
    proc: {
      begin() {},
      process(_input: unknown, hasInput: boolean) {
        if (hasInput) {
          throw RuntimeError.create('Expressions are only allowed as the first element of a pipeline.', 'ExpressionsMustBeFirstInPipeline', 'ParserError', 'System.Management.Automation.ParseException');
        }
        const v = expr(c, out);
        if (Array.isArray(v)) for (const x of v) out.write(x);
        else if (v !== undefined) out.write(v);
      },
      end() {},
    },
  });
}

/** Writes an integer range to `out` one number at a time (undefined result); other ranges evaluate as usual. */
function rangeStream(left: Expr, right: Expr): (c: ExecutionContext, out: Pipe) => unknown {
  return (c, out) => {
    const l = left(c);
    const r = right(c);
    const bounds = integerBounds(l, r);
    if (bounds === null) return range(l, r);
    const [from, to] = bounds;
    const step = from <= to ? 1 : -1;
    for (let v = from; ; v += step) {
      out.write(v);
      if (v === to) return undefined;
    }
  };
}

/** Runs a stage step with the stage's streams current and errors pointing at the stage. */
function step(c: ExecutionContext, stage: Stage, run: () => void): void {
  const saved = c.streams;
  c.streams = stage.streams;
  try {
    run();
  } catch (e) {
    if (e instanceof RuntimeError) c.position(e.errorRecord, stage.extent, stage.name);
    throw e;
  } finally {
    c.streams = saved;
  }
}

/** The pipe into a stage: each object polls the stop flag, then runs the stage's process. */
function stageInput(c: ExecutionContext, stage: Stage): Pipe {
  const proc = stage.proc;
  return {
    write(v) {
      c.checkStop();
      if (stage.early !== null) {
        stage.early.push(v);
        return;
      }
      const saved = c.streams;
      c.streams = stage.streams;
      try {
        proc.process(v, true);
      } catch (e) {
        if (e instanceof RuntimeError) c.position(e.errorRecord, stage.extent, stage.name);
        throw e;
      } finally {
        c.streams = saved;
      }
    },
  };
}

/** `pipeline &`: the pipeline's text runs as a background job through Start-Job, which outputs the job. */
function backgroundPipeline(ast: PipelineAst): Stmt {
  const inner: PipelineAst = { ...ast, background: false };
  const extent = ast.extent;
  return (c) => {
    const source = c.sources.get(extent.file) ?? '';
    const text = source.slice(extent.start, extent.end).replace(/&\s*$/, '').trim();
    const block = new ScriptBlock({
      kind: 'ScriptBlock', extent, paramBlock: null, beginBlock: null, processBlock: null, dynamicParamBlock: null, cleanBlock: null, text,
      endBlock: { kind: 'NamedBlock', extent, blockName: 'end', unnamed: true, statements: [inner], traps: [] },
    }, extent.file || null);
    const target = resolveCommand(c, 'Start-Job');
    if (target === null) throw commandNotFound('Start-Job');
    const proc = createProcessor(c, target, [{ name: 'ScriptBlock', value: block, hasValue: true }], c.out, c.streams, false, false, extent);
    proc.begin();
    proc.process(null, false);
    proc.end();
  };
}

export function compilePipeline(ast: PipelineAst): Stmt {
  if (ast.background) return backgroundPipeline(ast);
  const elements = ast.elements;
  if (elements.length === 1 && elements[0].kind === 'CommandExpression' && elements[0].redirections.length === 0) {
    const expr = elements[0].expression;
    const e = compileExpression(expr);
    const silent = expr.kind === 'Unary' && (expr.operator === '++' || expr.operator === '--' || expr.operator === 'post++' || expr.operator === 'post--');
    if (silent) return (c) => {
      e(c);
      c.status = true;
    };
    const isCall = expr.kind === 'InvokeMember';
    return (c) => {
      const v = e(c);
      c.status = true;
      if (isCall && v === null) return;
      emitValue(c, v);
    };
  }
  if (elements.length === 1 && elements[0].kind === 'Command' && elements[0].redirections.length === 0) return singleCommand(commandStage(elements[0]), elements[0].extent);
  const factories = elements.map((el) => ({
    create: el.kind === 'CommandExpression' ? expressionStage(el.expression) : commandStage(el),
    redirect: compileRedirections(el.redirections),
    extent: el.extent,
  }));
  return (c) => {
    c.status = true;
    const errors = c.errorCount;
    const n = factories.length;
    const stages: Stage[] = new Array<Stage>(n);
    const inputs: Pipe[] = new Array<Pipe>(n);
    let out: Pipe = c.out;
    for (let i = n - 1; i >= 0; i--) {
      const f = factories[i];
      const redirection: StageRedirection | null = f.redirect === null ? null : f.redirect(c, out, c.streams);
      const stageOut = redirection?.out ?? out;
      const streams = redirection?.streams ?? c.streams;
      let created: { proc: CommandProcessor; name: string | null };
      try {
        created = f.create(c, stageOut, streams, i > 0);
      } catch (e) {
        if (e instanceof RuntimeError) c.position(e.errorRecord, f.extent, null);
        throw e;
      }
      const stage: Stage = { proc: created.proc, name: created.name, extent: f.extent, streams, finish: redirection?.finish ?? null, early: [] };
      stages[i] = stage;
      out = stageInput(c, stage);
      inputs[i] = out;
    }
    let failing = true;
    try {
      // A stage that stops its upstream (StopUpstreamError) skips the rest of the stages before it,
      // whose redirections still close; `next` is the first stage still running.
      let next = 0;
      const stoppedBy = (e: unknown, from: number): void => {
        const j = e instanceof StopUpstreamError ? stages.findIndex((s, i) => i >= from && s.proc === e.source) : -1;
        if (j < 0) throw e;
        for (let k = next; k < j; k++) stages[k].finish?.();
        next = j;
      };
      // Begin blocks run first to last, as in PowerShell; what one writes waits for the next one's begin.
      for (let i = 0; i < n; i++) {
        const s = stages[i];
        step(c, s, () => s.proc.begin());
        const early = s.early ?? [];
        s.early = null;
        try {
          for (const v of early) inputs[i].write(v);
        } catch (e) {
          stoppedBy(e, i);
        }
      }
      if (next === 0) {
        try {
          step(c, stages[0], () => stages[0].proc.process(null, false));
        } catch (e) {
          stoppedBy(e, 1);
        }
      }
      while (next < n) {
        const s = stages[next];
        try {
          step(c, s, () => s.proc.end());
        } catch (e) {
          stoppedBy(e, next + 1);
          continue;
        }
        s.finish?.();
        next++;
      }
      failing = false;
    } finally {
      cleanAll(stages.map((s) => s.proc), failing);
    }
    if (c.errorCount !== errors) c.status = false;
  };
}

/** `-OutVariable name` (`+name` appends): output also collects into a variable in the caller's scope. */
function captureVariable(c: ExecutionContext, spec: string | undefined, out: Pipe): Pipe {
  if (spec === undefined) return out;
  const list = variableList(c, spec);
  return {
    write(v) {
      list.push(v);
      out.write(v);
    },
  };
}

/** A pipeline of one command without redirections (`f $i`): no stage plumbing. */
function singleCommand(create: StageFactory, extent: Extent): Stmt {
  return (c) => {
    c.status = true;
    const errors = c.errorCount;
    let name: string | null = null;
    try {
      const created = create(c, c.out, c.streams, false);
      name = created.name;
      const proc = created.proc;
      let failing = true;
      try {
        proc.begin();
        proc.process(null, false);
        proc.end();
        failing = false;
      } finally {
        cleanAll([proc], failing);
      }
      if (c.errorCount !== errors) c.status = false;
    } catch (e) {
      if (e instanceof RuntimeError) c.position(e.errorRecord, extent, name);
      throw e;
    }
  };
}

/** A cmdlet in a pipeline: binds once, then rebinds pipeline parameters for every input object. */
class CmdletCommand implements CommandProcessor {
  private instance!: CmdletInstance;
  private params: Record<string, unknown> = {};
  private explicit!: ReadonlySet<string>;
  private setName = '';
  private pipelineBound: string[] = [];
  private bound = new Map<string, unknown>();

  constructor(
    private readonly c: ExecutionContext,
    private readonly def: CmdletDefinition,
    private readonly args: readonly CommandArgument[],
    private readonly out: Pipe,
    private readonly streams: StreamRouter,
    private readonly expectsInput: boolean,
    private readonly extent: Extent | null,
  ) {}

  begin(): void {
    const meta = cmdletMeta(this.def);
    const binding = bindArguments(meta, this.args, this.expectsInput);
    this.setName = binding.setName;
    this.explicit = new Set(binding.bound.keys());
    this.bound = binding.bound;
    for (const [k, v] of binding.bound) this.params[k] = v;
    const ctx = makeCmdletContext(this.c, {
      name: this.def.name, setName: binding.setName, bound: this.explicit, extent: this.extent,
      out: captureVariable(this.c, binding.common.outVariable, this.out),
      streams: this.streams, common: binding.common, upstreamOf: this.expectsInput ? this : null,
    });
    this.instance = this.def.create(ctx);
    this.instance.begin?.(this.params);
  }

  process(input: unknown, hasInput: boolean): void {
    if (!hasInput) {
      if (!this.expectsInput) this.instance.process?.(this.params);
      return;
    }
    const meta = cmdletMeta(this.def);
    const bound = this.bound;
    for (const n of this.pipelineBound) {
      delete this.params[n];
      bound.delete(n);
    }
    const names = bindPipelineInput(meta, this.setName, bound, this.explicit, input);
    if (names === null) {
      const err = inputNotBound(meta, input);
      this.c.writeError(this.c.position(err.errorRecord, this.extent, this.def.name), 'continue', this.streams);
      return;
    }
    this.pipelineBound = names;
    for (const n of names) this.params[n] = bound.get(n);
    this.instance.process?.(this.params);
  }

  end(): void {
    this.instance.end?.(this.params);
  }
}

/** Error record for one line a native program wrote to stderr. */
export function nativeErrorRecord(line: string): ErrorRecord {
  return new ErrorRecord(new PSException('System.Management.Automation.RemoteException', line), 'NativeCommandError', 'FromStdErr', line);
}
