// Statements compiled into closures `(c) => void` that write their output to `c.out`.
// Runtime errors end only the statement that raised them (the error is written and the next
// statement runs) unless a try or trap is active or the error came from `throw` or
// ErrorAction Stop, which end the script: PowerShell's statement- vs script-terminating errors.

import type {
  ExpressionAst, ForEachStatementAst, StatementAst, StatementBlockAst, SwitchStatementAst, TrapStatementAst, TryStatementAst,
} from '../../language/ast.js';
import { compilePipeline } from '../commands.js';
import type { ExecutionContext } from '../context.js';
import { toBool, toNumber, toStr } from '../convert.js';
import { ErrorRecord, PSException } from '../error-record.js';
import { PipelineStoppedError, RuntimeError } from '../exceptions.js';
import { binaryOperator } from '../operators.js';
import { invokeBlockForValue } from '../invoke.js';
import { BreakSignal, ContinueSignal, ExitSignal, RETURN, labelMatches } from '../signals.js';
import { isInstanceOf } from '../types.js';
import { ScriptBlock } from '../values.js';
import { compileAssignmentValue, compileExpression, compileStatementValue, type Expr } from './expressions.js';
import { variableSetter } from './variables.js';

export type Stmt = (c: ExecutionContext) => void;

/** Writes a value to the output, unrolling arrays one level as PowerShell does. */
export function emitValue(c: ExecutionContext, v: unknown): void {
  if (Array.isArray(v)) {
    const out = c.out;
    for (let i = 0; i < v.length; i++) out.write(v[i]);
  } else if (v !== undefined) c.out.write(v);
}

/** Any JS exception that is not control flow becomes a RuntimeError a script can catch. */
export function asRuntimeError(e: unknown): RuntimeError | null {
  if (e instanceof RuntimeError) return e;
  if (e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ExitSignal || e === RETURN || e instanceof PipelineStoppedError) return null;
  if (e instanceof Error) return RuntimeError.create(e.message, 'System.Exception', 'NotSpecified', 'System.Exception');
  return null;
}

interface Trap {
  readonly type: string | null;
  readonly body: Stmt;
}

/** The record scripts see for an error: ErrorAction Stop hands `catch` the original error. */
export function visibleRecord(e: RuntimeError): ErrorRecord {
  return e.inner ?? e.errorRecord;
}

function runTrap(c: ExecutionContext, traps: readonly Trap[], e: RuntimeError): boolean {
  const record = visibleRecord(e);
  const trap = traps.find((t) => t.type === null || isInstanceOf(record.Exception, t.type));
  if (trap === undefined) return false;
  c.scope.set('_', record, '_');
  try {
    trap.body(c);
  } catch (signal) {
    if (signal instanceof ContinueSignal) return true;
    if (signal instanceof BreakSignal) throw e;
    throw signal;
  }
  c.writeError(record, 'continue');
  return true;
}

/** Statements in order, each guarded so a statement-terminating error ends only itself. */
export function compileStatements(statements: readonly StatementAst[], trapAsts: readonly TrapStatementAst[]): Stmt {
  const runs = statements.filter((s) => s.kind !== 'Trap').map(compileStatement);
  const extents = statements.filter((s) => s.kind !== 'Trap').map((s) => s.extent);
  const traps: Trap[] = trapAsts.map((t) => ({ type: t.trapType, body: compileBlock(t.body) }));
  const hasTraps = traps.length > 0;
  if (runs.length === 1 && !hasTraps) {
    const run = runs[0], extent = extents[0];
    return (c) => {
      try {
        run(c);
      } catch (e) {
        statementFailed(c, e, extent);
      }
    };
  }
  return (c) => {
    if (hasTraps) c.tryDepth++;
    try {
      for (let i = 0; i < runs.length; i++) {
        try {
          runs[i](c);
        } catch (e) {
          if (!hasTraps) {
            statementFailed(c, e, extents[i]);
            continue;
          }
          const err = asRuntimeError(e);
          if (err === null) throw e;
          c.position(err.errorRecord, extents[i], null);
          c.tryDepth--;
          try {
            if (!runTrap(c, traps, err)) throw err;
          } finally {
            c.tryDepth++;
          }
        }
      }
    } finally {
      if (hasTraps) c.tryDepth--;
    }
  };
}

/** Writes a statement-terminating error and carries on, or rethrows when something handles it. */
function statementFailed(c: ExecutionContext, e: unknown, extent: import('../../language/ast.js').Extent): void {
  const err = asRuntimeError(e);
  if (err === null) throw e;
  c.position(err.errorRecord, extent, null);
  if (c.tryDepth > 0 || err.scriptTerminating) throw err;
  c.status = false;
  c.recordError(err.errorRecord);
  c.hadErrors = true;
  c.streams.write('error', err.errorRecord);
}

export function compileBlock(block: StatementBlockAst): Stmt {
  return compileStatements(block.statements, block.traps);
}

function labelOf(label: ExpressionAst | null): Expr | null {
  if (label === null) return null;
  if (label.kind === 'StringConstant') {
    const v = label.value;
    return () => v;
  }
  const e = compileExpression(label);
  return (c) => toStr(e(c));
}

/**
 * Runs one loop iteration's body: 'break' or 'continue' when a signal for this loop arrives,
 * undefined otherwise; signals for outer loops keep travelling.
 */
function iteration(c: ExecutionContext, body: Stmt, label: string | null): 'break' | 'continue' | undefined {
  try {
    body(c);
    return undefined;
  } catch (e) {
    if (e instanceof BreakSignal && labelMatches(e.label, label)) return 'break';
    if (e instanceof ContinueSignal && labelMatches(e.label, label)) return 'continue';
    throw e;
  }
}

function loopItems(v: unknown): readonly unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function forEachStatement(ast: ForEachStatementAst): Stmt {
  const set = variableSetter(ast.variable, null);
  const iterable = compileStatementValue(ast.iterable);
  const body = compileBlock(ast.body);
  const label = ast.label;
  return (c) => {
    const items = loopItems(iterable(c));
    for (let i = 0; i < items.length; i++) {
      c.checkStop();
      set(c, items[i]);
      if (iteration(c, body, label) === 'break') break;
    }
  };
}

function switchStatement(ast: SwitchStatementAst): Stmt {
  const flags = ast.flags;
  const cs = flags.caseSensitive;
  const subject = compileStatementValue(ast.condition);
  const clauses = ast.clauses.map((cl) => {
    const isBlock = cl.pattern.kind === 'ScriptBlockExpression';
    return { isBlock, pattern: compileExpression(cl.pattern), body: compileBlock(cl.body) };
  });
  const defaultBody = ast.defaultBody === null ? null : compileBlock(ast.defaultBody);
  const label = ast.label;
  const matches = (c: ExecutionContext, item: unknown, pattern: unknown, isBlock: boolean): boolean => {
    if (isBlock && pattern instanceof ScriptBlock) return toBool(invokeBlockForValue(c, pattern, item));
    if (flags.regex) {
      return binaryOperator(cs ? '-cmatch' : '-imatch', toStr(item), pattern, (m) => {
        if (m !== null) c.scope.set('Matches', m, 'matches');
      }) === true;
    }
    if (flags.wildcard) return binaryOperator(cs ? '-clike' : '-ilike', toStr(item), pattern) === true;
    if (typeof pattern === 'string' || typeof item === 'string') return binaryOperator(cs ? '-ceq' : '-ieq', toStr(item), toStr(pattern)) === true;
    return binaryOperator(cs ? '-ceq' : '-ieq', item, pattern) === true;
  };
  return (c) => {
    let value = subject(c);
    let items: readonly unknown[];
    if (flags.file) {
      const path = c.resolvePath(toStr(value));
      items = c.host.fs.readText(path).split(/\r?\n/);
      if (items.length > 0 && items[items.length - 1] === '') items = items.slice(0, -1);
    } else {
      if (value === undefined) value = null;
      items = Array.isArray(value) ? value : [value];
    }
    const previous = c.scope.vars.get('_');
    const previousValue = previous?.value;
    try {
      outer: for (const item of items) {
        c.checkStop();
        let matched = false;
        for (const clause of clauses) {
          c.scope.set('_', item, '_');
          if (!matches(c, item, clause.pattern(c), clause.isBlock)) continue;
          matched = true;
          const r = iteration(c, clause.body, label);
          if (r === 'break') break outer;
          if (r === 'continue') continue outer;
        }
        if (!matched && defaultBody !== null) {
          c.scope.set('_', item, '_');
          const r = iteration(c, defaultBody, label);
          if (r === 'break') break outer;
        }
      }
    } finally {
      if (previous !== undefined) previous.value = previousValue;
    }
  };
}

const RUNTIME_EXCEPTION = 'System.Management.Automation.RuntimeException';

function throwStatement(pipeline: StatementAst | null): Stmt {
  const value = pipeline === null ? null : compileStatementValue(pipeline);
  return (c) => {
    let err: RuntimeError;
    if (value === null) {
      const current = c.scope.lookup('_')?.value;
      err = current instanceof ErrorRecord
        ? new RuntimeError(current)
        : RuntimeError.create('ScriptHalted', 'ScriptHalted', 'OperationStopped');
    } else {
      const v = value(c) ?? null;
      if (v instanceof ErrorRecord) err = new RuntimeError(v);
      else if (v instanceof PSException) err = new RuntimeError(new ErrorRecord(v, v.Message, 'OperationStopped', null));
      else {
        const message = v === null ? 'ScriptHalted' : toStr(v);
        err = new RuntimeError(new ErrorRecord(new PSException(RUNTIME_EXCEPTION, message), message, 'OperationStopped', v));
      }
    }
    // PowerShell marks only RuntimeExceptions (a thrown value, or a rethrown record that carries one).
    const exception = err.errorRecord.Exception;
    if (exception.typeName === RUNTIME_EXCEPTION) exception.WasThrownFromThrowStatement = true;
    err.scriptTerminating = true;
    throw err;
  };
}

function tryStatement(ast: TryStatementAst): Stmt {
  const body = compileBlock(ast.body);
  const catches = ast.catches.map((cl) => ({ types: cl.catchTypes, body: compileBlock(cl.body) }));
  const fin = ast.finallyBody === null ? null : compileBlock(ast.finallyBody);
  return (c) => {
    try {
      c.tryDepth++;
      try {
        body(c);
      } finally {
        c.tryDepth--;
      }
    } catch (e) {
      const err = asRuntimeError(e);
      if (err === null || catches.length === 0) throw e;
      const record = visibleRecord(err);
      // ErrorAction Stop matches both the original exception and ActionPreferenceStopException.
      const clause = catches.find((cl) => cl.types.length === 0 || cl.types.some((t) => isInstanceOf(record.Exception, t) || isInstanceOf(err.errorRecord.Exception, t)));
      if (clause === undefined) throw err;
      c.scope.set('_', record, '_');
      clause.body(c);
    } finally {
      if (fin !== null) fin(c);
    }
  };
}

const NO_STATEMENT: Stmt = () => {};

export function compileStatement(ast: StatementAst): Stmt {
  switch (ast.kind) {
    case 'Pipeline': return compilePipeline(ast);
    case 'PipelineChain': {
      const left = compileStatement(ast.left), right = compileStatement(ast.right);
      const and = ast.operator === '&&';
      return (c) => {
        left(c);
        if (c.status === and) right(c);
      };
    }
    case 'Assignment': {
      const assign = compileAssignmentValue(ast);
      return (c) => {
        assign(c);
        c.status = true;
      };
    }
    case 'If': {
      const clauses = ast.clauses.map((cl) => ({ cond: compileStatementValue(cl.condition), body: compileBlock(cl.body) }));
      const elseBody = ast.elseBody === null ? null : compileBlock(ast.elseBody);
      return (c) => {
        for (const cl of clauses) {
          if (toBool(cl.cond(c))) {
            cl.body(c);
            return;
          }
        }
        if (elseBody !== null) elseBody(c);
      };
    }
    case 'Switch': return switchStatement(ast);
    case 'ForEach': return forEachStatement(ast);
    case 'For': {
      const init = ast.initializer === null ? NO_STATEMENT : compileStatement(ast.initializer);
      const cond = ast.condition === null ? null : compileStatementValue(ast.condition);
      const step = ast.iterator === null ? NO_STATEMENT : compileStatement(ast.iterator);
      const body = compileBlock(ast.body);
      const label = ast.label;
      return (c) => {
        for (init(c); cond === null || toBool(cond(c)); step(c)) {
          c.checkStop();
          if (iteration(c, body, label) === 'break') break;
        }
      };
    }
    case 'While': {
      const cond = compileStatementValue(ast.condition);
      const body = compileBlock(ast.body);
      const label = ast.label;
      return (c) => {
        while (toBool(cond(c))) {
          c.checkStop();
          if (iteration(c, body, label) === 'break') break;
        }
      };
    }
    case 'DoLoop': {
      const cond = compileStatementValue(ast.condition);
      const body = compileBlock(ast.body);
      const label = ast.label;
      const until = ast.until;
      return (c) => {
        do {
          c.checkStop();
          if (iteration(c, body, label) === 'break') break;
        } while (toBool(cond(c)) !== until);
      };
    }
    case 'FunctionDefinition': {
      // `function global:f {}` / `function script:f {}` define in that scope.
      const qualified = /^(global|script|local|private):(.+)$/i.exec(ast.name);
      const name = qualified === null ? ast.name : qualified[2];
      const where = qualified === null ? 'local' : qualified[1].toLowerCase();
      const info = { name, ast: ast.body, isFilter: ast.isFilter, file: ast.extent.file || null, parameters: ast.parameters };
      const key = name.toLowerCase();
      return (c) => {
        const scope = where === 'global' ? c.scope.global : where === 'script' ? c.scope.script : c.scope;
        scope.defineFunction(key, info);
      };
    }
    case 'Return': {
      const run = ast.pipeline === null ? NO_STATEMENT : compileStatement(ast.pipeline);
      return (c) => {
        run(c);
        throw RETURN;
      };
    }
    case 'Exit': {
      const value = ast.pipeline === null ? null : compileStatementValue(ast.pipeline);
      return (c) => {
        const v = value === null ? 0 : value(c) ?? 0;
        throw new ExitSignal(Number(toNumber(v)) | 0);
      };
    }
    case 'Throw': return throwStatement(ast.pipeline);
    case 'Break': {
      const label = labelOf(ast.label);
      return (c) => {
        throw new BreakSignal(label === null ? null : (label(c) as string));
      };
    }
    case 'Continue': {
      const label = labelOf(ast.label);
      return (c) => {
        throw new ContinueSignal(label === null ? null : (label(c) as string));
      };
    }
    case 'Try': return tryStatement(ast);
    case 'Trap': return NO_STATEMENT;
    case 'TypeDefinition': {
      const what = ast.isEnum ? 'enum' : 'class';
      const name = ast.name;
      return () => {
        throw RuntimeError.create(`The ${what} definition '${name}' is not supported yet in psh.`, 'TypeDefinitionNotSupported', 'NotImplemented', 'System.NotSupportedException');
      };
    }
    case 'Using': {
      const name = ast.name;
      if (ast.usingKind !== 'namespace') {
        const what = ast.usingKind;
        return () => {
          throw RuntimeError.create(`The using ${what} statement is not supported yet in psh.`, 'UsingStatementNotSupported', 'NotImplemented', 'System.NotSupportedException');
        };
      }
      return (c) => {
        if (!c.usingNamespaces.some((n) => n.toLowerCase() === name.toLowerCase())) c.usingNamespaces.push(name);
      };
    }
    case 'StatementBlock': return compileBlock(ast);
  }
}
