// Expressions compiled once into closures `(c) => value`. Hot shapes (int arithmetic and
// comparison, plain variable reads) take a fast path before the general operators.
// `undefined` stands for PowerShell's AutomationNull ("no output at all", e.g. `$()` or a
// `[void]` cast); it never gets stored: assignments and arrays turn it into $null.

import type { AssignmentStatementAst, ExpandableStringExpressionAst, ExpressionAst, HashtableAst, StatementAst } from '../../language/ast.js';
import type { ExecutionContext } from '../context.js';
import { Collector } from '../context.js';
import { convertTo, toBool, toStr } from '../convert.js';
import { getIndex, getMember, getStaticMember, invokeMethod, invokeStaticMethod, setIndex, setMember } from '../members.js';
import { binaryOperator, unaryOperator } from '../operators.js';
import { RuntimeError } from '../exceptions.js';
import { typeObject } from '../types.js';
import { PSHashtable, PSObject, ScriptBlock } from '../values.js';
import { compileStatement } from './statements.js';
import { readVariable, variableSetter } from './variables.js';
import { invokeScriptBlockMethod } from '../invoke.js';

export type Expr = (c: ExecutionContext) => unknown;
export type Setter = (c: ExecutionContext, value: unknown) => void;

/** Runs statements with their output collected; the PowerShell value of that output. */
export function unwrap(items: unknown[]): unknown {
  return items.length === 0 ? undefined : items.length === 1 ? items[0] : items;
}

export function capture(c: ExecutionContext, run: (c: ExecutionContext) => void): unknown[] {
  const saved = c.out;
  const col = new Collector();
  c.out = col;
  try {
    run(c);
  } finally {
    c.out = saved;
  }
  return col.items;
}

/** A statement used for its value (`$x = <statement>`, `if (<statement>)`, `(...)`). */
export function compileStatementValue(s: StatementAst): Expr {
  if (s.kind === 'Pipeline' && s.elements.length === 1 && s.elements[0].kind === 'CommandExpression' && s.elements[0].redirections.length === 0) {
    return compileExpression(s.elements[0].expression);
  }
  // `$x = $y = 5`: a nested assignment gives its value.
  if (s.kind === 'Assignment') return compileAssignmentValue(s);
  const run = compileStatement(s);
  return (c) => unwrap(capture(c, run));
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

/** Binary operators with a fast path when both sides are JS numbers (Int32 or Double). */
function arithmetic(op: string, l: Expr, r: Expr): Expr {
  const general = (a: unknown, b: unknown): unknown => binaryOperator(op, a, b);
  switch (op) {
    case '+': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a + b : general(a, b);
    };
    case '-': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a - b : general(a, b);
    };
    case '*': return (c) => {
      const a = l(c), b = r(c);
      if (isInt(a) && isInt(b)) {
        const x = a * b;
        if ((x | 0) === x) return x;
      }
      return general(a, b);
    };
    case '-lt': case '-ilt': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a < b : general(a, b);
    };
    case '-le': case '-ile': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a <= b : general(a, b);
    };
    case '-gt': case '-igt': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a > b : general(a, b);
    };
    case '-ge': case '-ige': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a >= b : general(a, b);
    };
    case '-eq': case '-ieq': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a === b : general(a, b);
    };
    case '-ne': case '-ine': return (c) => {
      const a = l(c), b = r(c);
      return typeof a === 'number' && typeof b === 'number' ? a !== b : general(a, b);
    };
  }
  if (/^-[ic]?(match|notmatch)$/.test(op)) {
    return (c) => binaryOperator(op, l(c), r(c), (m) => {
      if (m !== null) c.scope.set('Matches', m, 'matches');
    });
  }
  return (c) => general(l(c), r(c));
}

function literal(value: unknown): Expr {
  return () => value;
}

function expandable(ast: ExpandableStringExpressionAst): Expr {
  const parts: (string | Expr)[] = ast.parts.map((p) => (typeof p === 'string' ? p : compileExpression(p)));
  return (c) => {
    let s = '';
    for (const p of parts) {
      if (typeof p === 'string') s += p;
      else s += joinWithOfs(c, p(c));
    }
    return s;
  };
}

/** Arrays inside strings join with `$OFS` (a space unless set). */
function joinWithOfs(c: ExecutionContext, v: unknown): string {
  if (!Array.isArray(v)) return toStr(v);
  const ofs = c.scope.lookup('ofs');
  const sep = ofs === undefined || ofs.value === null ? ' ' : toStr(ofs.value);
  return v.map((x) => toStr(x)).join(sep);
}

function hashtable(ast: HashtableAst, ordered: boolean): Expr {
  const entries = ast.entries.map((e) => ({ key: compileExpression(e.key), value: compileStatementValue(e.value) }));
  return (c) => {
    const h = new PSHashtable(ordered);
    for (const e of entries) {
      const k = e.key(c);
      if (h.has(k)) {
        throw RuntimeError.create(`Duplicate keys '${toStr(k)}' are not allowed in hash literals.`, 'DuplicateKeyInHashLiteral', 'ParserError', 'System.Management.Automation.ParseException');
      }
      h.set(k, e.value(c) ?? null);
    }
    return h;
  };
}

function customObject(ast: HashtableAst): Expr {
  const entries = ast.entries.map((e) => ({ key: compileExpression(e.key), value: compileStatementValue(e.value) }));
  return (c) => {
    const o = new PSObject();
    for (const e of entries) o.setNote(toStr(e.key(c)), e.value(c) ?? null);
    return o;
  };
}

function memberName(ast: ExpressionAst): Expr {
  if (ast.kind === 'StringConstant') return literal(ast.value);
  const e = compileExpression(ast);
  return (c) => toStr(e(c));
}

function staticTypeName(ast: ExpressionAst): string | null {
  return ast.kind === 'TypeExpression' ? ast.typeName : null;
}

/** `$x++`, `--$x`: reads, steps and writes back through the target's setter. */
function increment(op: '++' | '--' | 'post++' | 'post--', target: ExpressionAst): Expr {
  const get = compileExpression(target);
  const set = compileAssignable(target);
  const step = op.endsWith('++') ? 1 : -1;
  const post = op.startsWith('post');
  return (c) => {
    const old = get(c) ?? null;
    let next: unknown;
    if (isInt(old) && ((old + step) | 0) === old + step) next = old + step;
    else next = unaryOperator(op, old);
    set(c, next);
    return post ? old : next;
  };
}

export function compileExpression(ast: ExpressionAst): Expr {
  switch (ast.kind) {
    case 'Constant':
      return literal(ast.numberType === 'long' && Number.isSafeInteger(ast.value) ? BigInt(ast.value) : ast.value);
    case 'StringConstant': return literal(ast.value);
    case 'ExpandableString': return expandable(ast);
    case 'Variable': return readVariable(ast);
    case 'ArrayLiteral': {
      const items = ast.elements.map(compileExpression);
      return (c) => {
        const a = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) a[i] = items[i](c) ?? null;
        return a;
      };
    }
    case 'ArrayExpression': {
      const body = ast.statements.map(compileStatement);
      return (c) => capture(c, (cc) => {
        for (const s of body) s(cc);
      });
    }
    case 'SubExpression': {
      const body = ast.statements.map(compileStatement);
      return (c) => unwrap(capture(c, (cc) => {
        for (const s of body) s(cc);
      }));
    }
    case 'Paren': {
      if (ast.pipeline.kind === 'Assignment') {
        const assign = compileAssignmentValue(ast.pipeline);
        return assign;
      }
      return compileStatementValue(ast.pipeline);
    }
    case 'Hashtable': return hashtable(ast, false);
    case 'ScriptBlockExpression': {
      const sb = ast.scriptBlock;
      return (c) => new ScriptBlock(sb, sb.extent.file || null);
    }
    case 'Unary': {
      const op = ast.operator;
      if (op === '++' || op === '--' || op === 'post++' || op === 'post--') return increment(op, ast.operand);
      const operand = compileExpression(ast.operand);
      if (op === '-not' || op === '!') return (c) => !toBool(operand(c));
      if (op === ',') return (c) => [operand(c) ?? null];
      return (c) => unaryOperator(op, operand(c) ?? null);
    }
    case 'Binary': {
      const l = compileExpression(ast.left);
      const op = ast.operator.toLowerCase();
      if (op === '-and') {
        const r = compileExpression(ast.right);
        return (c) => toBool(l(c)) && toBool(r(c));
      }
      if (op === '-or') {
        const r = compileExpression(ast.right);
        return (c) => toBool(l(c)) || toBool(r(c));
      }
      if (op === '??') {
        const r = compileExpression(ast.right);
        return (c) => l(c) ?? r(c);
      }
      return arithmetic(op, l, compileExpression(ast.right));
    }
    case 'Ternary': {
      const cond = compileExpression(ast.condition), t = compileExpression(ast.ifTrue), f = compileExpression(ast.ifFalse);
      return (c) => (toBool(cond(c)) ? t(c) : f(c));
    }
    case 'Convert': {
      const type = ast.typeName.toLowerCase();
      if (ast.operand.kind === 'Hashtable') {
        if (type === 'ordered') return hashtable(ast.operand, true);
        if (type === 'pscustomobject') return customObject(ast.operand);
      }
      const operand = compileExpression(ast.operand);
      if (type === 'void') return (c) => {
        operand(c);
        return undefined;
      };
      const typeName = ast.typeName;
      return (c) => convertTo(operand(c) ?? null, typeName);
    }
    case 'TypeExpression': {
      const name = ast.typeName;
      return () => typeObject(name);
    }
    case 'Member': {
      const name = memberName(ast.member);
      const typeName = ast.isStatic ? staticTypeName(ast.target) : null;
      if (typeName !== null) return (c) => getStaticMember(typeName, toStr(name(c)));
      const target = compileExpression(ast.target);
      const nullConditional = ast.nullConditional;
      return (c) => {
        const t = target(c) ?? null;
        if (nullConditional && t === null) return null;
        return getMember(t, name(c) as string);
      };
    }
    case 'InvokeMember': {
      const name = memberName(ast.member);
      const args = ast.arguments.map(compileExpression);
      const evalArgs = (c: ExecutionContext): unknown[] => args.map((a) => a(c) ?? null);
      const typeName = ast.isStatic ? staticTypeName(ast.target) : null;
      if (typeName !== null) return (c) => invokeStaticMethod(typeName, name(c) as string, evalArgs(c));
      const target = compileExpression(ast.target);
      const nullConditional = ast.nullConditional;
      return (c) => {
        const t = target(c) ?? null;
        if (nullConditional && t === null) return null;
        const n = name(c) as string;
        if (t instanceof ScriptBlock) {
          const r = invokeScriptBlockMethod(c, t, n, evalArgs(c));
          if (r !== NO_METHOD) return r;
        }
        return invokeMethod(t, n, evalArgs(c));
      };
    }
    case 'Index': {
      const target = compileExpression(ast.target), index = compileExpression(ast.index);
      const nullConditional = ast.nullConditional;
      return (c) => {
        const t = target(c) ?? null;
        if (nullConditional && t === null) return null;
        return getIndex(t, index(c) ?? null);
      };
    }
  }
}

export const NO_METHOD: unique symbol = Symbol('no such script block method');

/** The setter for anything that can stand left of `=`. */
export function compileAssignable(ast: ExpressionAst): Setter {
  switch (ast.kind) {
    case 'Variable': return variableSetter(ast, null);
    case 'Convert': {
      if (ast.operand.kind === 'Variable') return variableSetter(ast.operand, ast.typeName);
      break;
    }
    case 'Member': {
      const target = compileExpression(ast.target);
      const name = memberName(ast.member);
      if (ast.isStatic) break;
      return (c, v) => setMember(target(c) ?? null, name(c) as string, v);
    }
    case 'Index': {
      const target = compileExpression(ast.target), index = compileExpression(ast.index);
      return (c, v) => setIndex(target(c) ?? null, index(c) ?? null, v);
    }
    case 'ArrayLiteral': {
      const setters = ast.elements.map(compileAssignable);
      return (c, v) => {
        const items = Array.isArray(v) ? v : [v];
        for (let i = 0; i < setters.length; i++) {
          if (i < setters.length - 1) setters[i](c, i < items.length ? items[i] : null);
          else {
            const rest = items.slice(i);
            setters[i](c, rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest);
          }
        }
      };
    }
    case 'Paren':
      if (ast.pipeline.kind === 'Pipeline' && ast.pipeline.elements.length === 1 && ast.pipeline.elements[0].kind === 'CommandExpression') {
        return compileAssignable(ast.pipeline.elements[0].expression);
      }
      break;
  }
  return () => {
    throw RuntimeError.create('The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
      'InvalidLeftHandSide', 'ParserError', 'System.Management.Automation.ParseException');
  };
}

const COMPOUND: Record<string, string> = { '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%' };

/** An assignment that also gives the assigned value (`($x = 5)`, and as a statement). */
export function compileAssignmentValue(ast: AssignmentStatementAst): Expr {
  const set = compileAssignable(ast.target);
  const value = compileStatementValue(ast.value);
  const op = ast.operator;
  if (op === '=') {
    return (c) => {
      const v = value(c) ?? null;
      set(c, v);
      return v;
    };
  }
  const get = compileExpression(ast.target);
  if (op === '??=') {
    return (c) => {
      const old = get(c) ?? null;
      if (old !== null) return old;
      const v = value(c) ?? null;
      set(c, v);
      return v;
    };
  }
  const combine = arithmetic(COMPOUND[op], get, value);
  return (c) => {
    const v = combine(c) ?? null;
    set(c, v);
    return v;
  };
}
