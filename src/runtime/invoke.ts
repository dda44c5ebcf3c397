// Script blocks as commands: functions, filters, scripts and `& { }` blocks. A block is compiled
// once (cached by its AST) into begin/process/end closures plus the parameter metadata the
// binder uses; ScriptCommand runs one invocation of it in a new scope (or the caller's scope
// when dot-sourced), binding arguments and pipeline input like a cmdlet.

import type { AttributeAst, ExpressionAst, ParameterAst, ScriptBlockAst, TypeConstraintAst } from '../language/ast.js';
import { type BindResult, type CommandArgument, type CommandMeta, type ParamMeta, bindArguments, bindPipelineInput, inputNotBound } from './binder.js';
import type { ExecutionContext, Pipe, StreamRouter } from './context.js';
import { Collector } from './context.js';
import { variableList } from './cmdlet-context.js';
import { type Expr, NO_METHOD, compileExpression, unwrap } from './compile/expressions.js';
import { type Stmt, compileStatements } from './compile/statements.js';
import { toStr } from './convert.js';
import { Scope, variableGeneration } from './scope.js';
import { ScriptCmdlet } from './script-cmdlet.js';
import { ExitSignal, RETURN } from './signals.js';
import { PSHashtable, PSObject, ScriptBlock } from './values.js';

export interface CompiledBlock {
  readonly meta: CommandMeta;
  readonly defaults: readonly (Expr | null)[];
  readonly constraints: readonly (string | null)[];
  /** Lower-cased parameter names: the variable keys. */
  readonly keys: readonly string[];
  readonly begin: Stmt | null;
  readonly process: Stmt | null;
  readonly end: Stmt | null;
  readonly clean: Stmt | null;
  readonly hasParams: boolean;
  readonly usesBoundParameters: boolean;
  readonly usesMyInvocation: boolean;
  readonly usesPSCmdlet: boolean;
}

function constant(e: ExpressionAst | null): unknown {
  if (e === null) return true;
  switch (e.kind) {
    case 'Constant': return e.value;
    case 'StringConstant': return e.value;
    case 'Variable': return e.name.toLowerCase() === 'true' ? true : e.name.toLowerCase() === 'false' ? false : null;
    case 'Unary': {
      const v = constant(e.operand);
      return e.operator === '-' && typeof v === 'number' ? -v : v;
    }
  }
  return true;
}

function truthy(e: ExpressionAst | null): boolean {
  const v = constant(e);
  return v === true || (typeof v === 'number' && v !== 0);
}

function attributeNamed(a: AttributeAst, name: string): boolean {
  const t = a.typeName.toLowerCase();
  return t === name || t === name + 'attribute' || t === 'system.management.automation.' + name + 'attribute';
}

function paramMeta(p: ParameterAst): { meta: ParamMeta; constraint: string | null } {
  let type: string | null = null;
  const sets: string[] = [];
  const mandatorySets: string[] = [];
  let mandatoryAll = false;
  let position: number | null = null;
  let fromPipeline = false, byName = false, remaining = false;
  const aliases: string[] = [];
  let validateSet: string[] | null = null;
  let validateNotNullOrEmpty = false;
  let validateRange: [number, number] | null = null;
  for (const a of p.attributes) {
    if (a.kind === 'TypeConstraint') {
      type = (a as TypeConstraintAst).typeName;
      continue;
    }
    if (attributeNamed(a, 'parameter')) {
      let setName: string | null = null;
      let mandatory = false;
      for (const n of a.namedArguments) {
        switch (n.name.toLowerCase()) {
          case 'mandatory': mandatory = truthy(n.value); break;
          case 'position': position = Number(constant(n.value)); break;
          case 'parametersetname': setName = toStr(constant(n.value)); break;
          case 'valuefrompipeline': fromPipeline = truthy(n.value); break;
          case 'valuefrompipelinebypropertyname': byName = truthy(n.value); break;
          case 'valuefromremainingarguments': remaining = truthy(n.value); break;
        }
      }
      if (setName !== null && setName !== '__AllParameterSets') {
        sets.push(setName);
        if (mandatory) mandatorySets.push(setName);
      } else if (mandatory) mandatoryAll = true;
    } else if (attributeNamed(a, 'alias')) aliases.push(...a.positionalArguments.map((x) => toStr(constant(x))));
    else if (attributeNamed(a, 'validateset')) validateSet = a.positionalArguments.map((x) => toStr(constant(x)));
    else if (attributeNamed(a, 'validatenotnullorempty')) validateNotNullOrEmpty = true;
    else if (attributeNamed(a, 'validaterange') && a.positionalArguments.length === 2) {
      validateRange = [Number(constant(a.positionalArguments[0])), Number(constant(a.positionalArguments[1]))];
    }
  }
  const lowerType = type?.toLowerCase() ?? null;
  const isSwitch = lowerType === 'switch' || lowerType === 'system.management.automation.switchparameter';
  return {
    constraint: type === null || isSwitch ? null : type,
    meta: {
      name: p.name,
      aliases,
      type: lowerType === null || lowerType === 'object' || lowerType === 'psobject' ? null : isSwitch ? 'switch' : type,
      isSwitch,
      sets: sets.length === 0 ? null : sets,
      position: position !== null && Number.isFinite(position) ? position : null,
      mandatory: mandatoryAll ? true : mandatorySets,
      fromPipeline,
      fromPipelineByName: byName,
      remaining,
      validateSet,
      validateNotNullOrEmpty,
      validateRange,
    },
  };
}

const compiledBlocks = new WeakMap<ScriptBlockAst, CompiledBlock>();

/** Compiles a block once; `parameters` are `function f($a) {}` parameters written outside the body. */
export function compileScriptBlock(ast: ScriptBlockAst, name: string, parameters: readonly ParameterAst[] | null = null, isFilter = false): CompiledBlock {
  let compiled = compiledBlocks.get(ast);
  if (compiled !== undefined) return compiled;
  const paramAsts = parameters ?? ast.paramBlock?.parameters ?? [];
  const metas = paramAsts.map((p) => paramMeta(p));
  const advanced = (ast.paramBlock?.attributes.some((a) => attributeNamed(a, 'cmdletbinding')) ?? false)
    || paramAsts.some((p) => p.attributes.some((a) => a.kind === 'Attribute' && attributeNamed(a, 'parameter')));
  let defaultSet: string | null = null;
  let shouldProcess = false;
  for (const a of ast.paramBlock?.attributes ?? []) {
    if (!attributeNamed(a, 'cmdletbinding')) continue;
    for (const n of a.namedArguments) {
      const arg = n.name.toLowerCase();
      if (arg === 'defaultparametersetname') defaultSet = toStr(constant(n.value));
      if (arg === 'supportsshouldprocess') shouldProcess = n.value === null || constant(n.value) === true;
    }
  }
  const block = (b: ScriptBlockAst['endBlock']): Stmt | null => (b === null ? null : compileStatements(b.statements, b.traps));
  const end = block(ast.endBlock);
  compiled = {
    meta: { name, params: metas.map((m) => m.meta), defaultSet, advanced, shouldProcess, isCmdlet: false },
    defaults: paramAsts.map((p) => (p.defaultValue === null ? null : compileExpression(p.defaultValue))),
    constraints: metas.map((m) => m.constraint),
    keys: paramAsts.map((p) => p.name.toLowerCase()),
    begin: block(ast.beginBlock),
    process: isFilter ? end : block(ast.processBlock),
    end: isFilter ? null : end,
    clean: block(ast.cleanBlock),
    hasParams: paramAsts.length > 0,
    usesBoundParameters: /psboundparameters/i.test(ast.text),
    usesMyInvocation: /myinvocation/i.test(ast.text),
    usesPSCmdlet: advanced && /pscmdlet/i.test(ast.text),
  };
  compiledBlocks.set(ast, compiled);
  return compiled;
}

export interface ScriptInvocation {
  readonly name: string;
  readonly compiled: CompiledBlock;
  readonly args: readonly CommandArgument[];
  readonly out: Pipe;
  readonly streams: StreamRouter;
  readonly dotSource: boolean;
  readonly expectsInput: boolean;
  /** Scripts get a new script scope, and `exit` ends only them. */
  readonly scriptFile: string | null;
  /** The new scope is a script scope (`$script:`): script files and top-level scripts. */
  readonly scriptScope?: boolean;
  readonly extraVariables?: Readonly<Record<string, unknown>>;
}

/** One run of a function, filter, script or script block, driven by the pipeline. */
export class ScriptCommand {
  private scope!: Scope;
  private readonly input: unknown[] = [];
  private binding!: BindResult;
  /** Names bound from arguments, not from the pipeline; made when the first object arrives. */
  private explicit: ReadonlySet<string> | null = null;
  private exited = false;
  /** PowerShell runs a clean block only when one of the command's other blocks ran. */
  private ranBlock = false;
  private out: Pipe;
  private streams: StreamRouter;

  constructor(private readonly c: ExecutionContext, private readonly inv: ScriptInvocation) {
    this.out = inv.out;
    this.streams = inv.streams;
  }

  begin(): void {
    const { c, inv } = this;
    const compiled = inv.compiled;
    this.binding = bindArguments(compiled.meta, inv.args, inv.expectsInput);
    this.captureCommonVariables();
    const scope = inv.dotSource ? c.scope : new Scope(c.scope, inv.scriptFile !== null || inv.scriptScope === true);
    this.scope = scope;
    const saved = c.scope;
    c.scope = scope;
    try {
      this.defineParameters();
    } finally {
      c.scope = saved;
    }
    if (compiled.begin !== null) this.run(compiled.begin);
  }

  /** `-OutVariable` and `-ErrorVariable` of an advanced function collect in the caller's scope. */
  private captureCommonVariables(): void {
    const { outVariable, errorVariable } = this.binding.common;
    if (outVariable !== undefined) {
      const list = variableList(this.c, outVariable);
      const out = this.out;
      this.out = { write: (v) => (list.push(v), out.write(v)) };
    }
    if (errorVariable !== undefined) {
      const list = variableList(this.c, errorVariable);
      const streams = this.streams;
      this.streams = {
        write: (stream, v) => {
          if (stream === 'error') list.push(v);
          streams.write(stream, v);
        },
      };
    }
  }

  private defineParameters(): void {
    const { c, inv, scope } = this;
    const compiled = inv.compiled;
    const params = compiled.meta.params;
    const bound = this.binding.bound;
    const quiet = !inv.dotSource;
    let ranDefaults = false;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let value: unknown;
      if (bound.has(p.name)) value = bound.get(p.name);
      else {
        const d = compiled.defaults[i];
        ranDefaults ||= d !== null;
        value = d !== null ? d(c) ?? null : p.isSwitch ? false : null;
      }
      scope.define(p.name, value, compiled.constraints[i], compiled.keys[i], quiet);
    }
    scope.define('args', this.binding.unbound, null, 'args', quiet);
    // `$input` is the live list of pipeline objects received so far.
    if (!inv.dotSource) scope.define('input', this.input, null, 'input', quiet);
    // A default value may have cached a parent's variable that a later parameter now hides.
    if (ranDefaults) variableGeneration.n++;
    if (compiled.usesBoundParameters) {
      const h = new PSHashtable(false);
      for (const [k, v] of bound) h.set(k, v);
      scope.define('PSBoundParameters', h, null);
    }
    if (compiled.usesMyInvocation) {
      scope.define('MyInvocation', PSObject.fromEntries([
        ['MyCommand', inv.name], ['InvocationName', inv.name], ['BoundParameters', new PSHashtable(false)],
        ['ScriptName', inv.scriptFile ?? ''], ['PSScriptRoot', scope.lookup('psscriptroot')?.value ?? ''], ['PSCommandPath', scope.lookup('pscommandpath')?.value ?? ''],
      ], ['System.Management.Automation.InvocationInfo', 'System.Object']), null);
    }
    const common = this.binding.common;
    if (compiled.usesPSCmdlet) scope.define('PSCmdlet', new ScriptCmdlet(c, this.binding.setName, inv.name, common.whatIf === true), null);
    if (common.errorAction !== undefined) scope.define('ErrorActionPreference', preferenceName(common.errorAction), null);
    if (common.warningAction !== undefined) scope.define('WarningPreference', preferenceName(common.warningAction), null);
    if (common.informationAction !== undefined) scope.define('InformationPreference', preferenceName(common.informationAction), null);
    if (common.verbose === true) scope.define('VerbosePreference', 'Continue', null);
    if (common.debug === true) scope.define('DebugPreference', 'Continue', null);
    if (inv.extraVariables !== undefined) for (const [k, v] of Object.entries(inv.extraVariables)) scope.define(k, v, null);
  }

  process(input: unknown, hasInput: boolean): void {
    const compiled = this.inv.compiled;
    if (this.exited) return;
    if (!hasInput) {
      if (compiled.process !== null) this.run(compiled.process);
      return;
    }
    this.input.push(input);
    if (compiled.process === null) return;
    this.explicit ??= new Set(this.binding.bound.keys());
    const names = bindPipelineInput(compiled.meta, this.binding.setName, this.binding.bound, this.explicit, input);
    if (names === null && compiled.meta.params.some((p) => p.fromPipeline || p.fromPipelineByName)) {
      throw inputNotBound(compiled.meta, input);
    }
    if (names !== null) for (const n of names) this.scope.set(n, this.binding.bound.get(n) ?? null);
    this.scope.set('_', input, '_');
    this.run(compiled.process);
  }

  end(): void {
    const compiled = this.inv.compiled;
    if (this.exited || compiled.end === null) return;
    if (this.inv.dotSource) this.scope.set('input', this.input, 'input');
    this.run(compiled.end);
  }

  /** The clean block's output is discarded; its other streams flow as usual. */
  clean(): void {
    const clean = this.inv.compiled.clean;
    if (clean === null || !this.ranBlock) return;
    this.ranBlock = false;
    this.run(clean, DISCARD);
  }

  private run(block: Stmt, out: Pipe = this.out): void {
    const c = this.c;
    this.ranBlock = true;
    const savedScope = c.scope, savedOut = c.out, savedStreams = c.streams;
    c.scope = this.scope;
    c.out = out;
    c.streams = this.streams;
    try {
      block(c);
    } catch (e) {
      if (e === RETURN) return;
      if (e instanceof ExitSignal && this.inv.scriptFile !== null) {
        this.exited = true;
        c.scope.global.set('LASTEXITCODE', e.code, 'lastexitcode');
        if (e.code !== 0) c.status = false;
        return;
      }
      throw e;
    } finally {
      c.scope = savedScope;
      c.out = savedOut;
      c.streams = savedStreams;
    }
  }
}

const DISCARD: Pipe = { write() {} };

function preferenceName(p: string): string {
  const names: Record<string, string> = { continue: 'Continue', silentlycontinue: 'SilentlyContinue', stop: 'Stop', ignore: 'Ignore', inquire: 'Inquire', suspend: 'Suspend', break: 'Break' };
  return names[p] ?? p;
}

export interface BlockOptions {
  readonly args?: readonly unknown[];
  readonly input?: readonly unknown[];
  readonly dollarUnder?: unknown;
  readonly dotSource?: boolean;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/**
 * Runs a script block value: `& $sb`, `$sb.Invoke()`, and cmdlets calling back
 * (ForEach-Object, Where-Object). Output goes to `out`.
 */
export function invokeBlock(c: ExecutionContext, block: ScriptBlock, options: BlockOptions, out: Pipe): void {
  const compiled = compileScriptBlock(block.ast, '');
  const args = options.args ?? [];
  const simple = !compiled.hasParams && compiled.begin === null && compiled.process === null && compiled.clean === null && options.input === undefined && args.length === 0 && options.variables === undefined;
  if (simple && compiled.end !== null) {
    const end = compiled.end;
    const savedScope = c.scope, savedOut = c.out;
    const scope = options.dotSource === true ? c.scope : new Scope(c.scope);
    const under = scope.vars.get('_');
    const previous = under?.value;
    if (options.dollarUnder !== undefined) scope.set('_', options.dollarUnder, '_');
    if (options.dotSource !== true) scope.define('args', [], null);
    c.scope = scope;
    c.out = out;
    try {
      end(c);
    } catch (e) {
      if (e !== RETURN) throw e;
    } finally {
      c.scope = savedScope;
      c.out = savedOut;
      if (options.dotSource === true && options.dollarUnder !== undefined) {
        if (under !== undefined) under.value = previous;
      }
    }
    return;
  }
  const extra: Record<string, unknown> = { ...options.variables };
  if (options.dollarUnder !== undefined) extra._ = options.dollarUnder;
  const cmd = new ScriptCommand(c, {
    name: '', compiled, out, streams: c.streams, dotSource: options.dotSource === true,
    args: args.map((value) => ({ name: null, value, hasValue: false })),
    expectsInput: options.input !== undefined, scriptFile: null, extraVariables: extra,
  });
  runToEnd(c, cmd, options.input);
}

/**
 * Runs a command outside a pipeline: begin, process once per input object (or once without
 * input), end, and its clean block whatever happened.
 */
export function runToEnd(c: ExecutionContext, cmd: ScriptCommand, input: readonly unknown[] | undefined): void {
  try {
    cmd.begin();
    if (input === undefined) cmd.process(null, false);
    else for (const item of input) {
      c.checkStop();
      cmd.process(item, true);
    }
    cmd.end();
  } finally {
    cmd.clean();
  }
}

export function invokeBlockCollect(c: ExecutionContext, block: ScriptBlock, options: BlockOptions): unknown[] {
  const col = new Collector();
  invokeBlock(c, block, options, col);
  return col.items;
}

/** A switch clause `{ $_ -gt 3 }`: the block's output as one value. */
export function invokeBlockForValue(c: ExecutionContext, block: ScriptBlock, dollarUnder: unknown): unknown {
  return unwrap(invokeBlockCollect(c, block, { dollarUnder }));
}

/** `$sb.Invoke(...)`, `$sb.InvokeReturnAsIs(...)`, `$sb.GetNewClosure()`. */
export function invokeScriptBlockMethod(c: ExecutionContext, block: ScriptBlock, name: string, args: readonly unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'invoke': return invokeBlockCollect(c, block, { args });
    case 'invokereturnasis': return unwrap(invokeBlockCollect(c, block, { args })) ?? null;
    case 'getnewclosure': return block;
  }
  return NO_METHOD;
}
