// Variable reads and writes: scope qualifiers (`$global:` `$script:` `$local:` `$private:`),
// drives (`$env:` `$variable:` `$function:`), `$using:` and the automatic variables the
// evaluator computes (`$?`, `$Error`, `$PWD`). Plain reads cache the variable they found
// until any variable is created or removed anywhere (scope.ts's generation counter).

import type { VariableExpressionAst } from '../../language/ast.js';
import type { ExecutionContext } from '../context.js';
import { convertTo, toStr } from '../convert.js';
import { PathInfo } from '../path-info.js';
import { type PSVariable, type Scope, variableGeneration } from '../scope.js';
import { ScriptBlock } from '../values.js';
import type { Expr, Setter } from './expressions.js';

/** `$PSItem` is another name for `$_`. */
export function variableKey(name: string): string {
  const key = name.toLowerCase();
  return key === 'psitem' ? '_' : key;
}

export function envLookup(c: ExecutionContext, name: string): string | null {
  if (Object.prototype.hasOwnProperty.call(c.env, name)) return c.env[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(c.env)) if (k.toLowerCase() === lower) return c.env[k];
  return null;
}

/** Reads an unqualified variable, including the automatic ones the context computes. */
export function readNamed(c: ExecutionContext, key: string): unknown {
  switch (key) {
    case '?': return c.status;
    case 'error': return c.errors;
    case 'pwd': return new PathInfo(c.location);
  }
  const v = c.scope.lookup(key);
  return v === undefined ? null : v.value;
}

function scopeFor(c: ExecutionContext, qualifier: string | null): Scope {
  switch (qualifier) {
    case 'global': return c.scope.global;
    case 'script': return c.scope.script;
    default: return c.scope;
  }
}

export function readVariable(ast: VariableExpressionAst): Expr {
  const key = variableKey(ast.name);
  const name = ast.name;
  switch (ast.scope) {
    case 'env': return (c) => envLookup(c, name);
    case 'function': return (c) => {
      const f = c.scope.lookupFunction(key);
      return f === undefined ? null : new ScriptBlock(f.ast, f.file);
    };
    case 'using': return (c) => (Object.prototype.hasOwnProperty.call(c.using, key) ? c.using[key] : readNamed(c, key));
    case 'global': case 'script': return (c) => {
      const v = scopeFor(c, ast.scope).lookup(key);
      return v === undefined ? null : v.value;
    };
    case 'local': case 'private': return (c) => {
      const v = c.scope.vars.get(key);
      return v === undefined ? null : v.value;
    };
  }
  switch (key) {
    case 'true': return () => true;
    case 'false': return () => false;
    case 'null': return () => null;
    case '?': case 'error': case 'pwd': return (c) => readNamed(c, key);
  }
  let cachedScope: Scope | null = null;
  let cachedVar: PSVariable | undefined;
  let generation = -1;
  return (c) => {
    const s = c.scope;
    if (s !== cachedScope || generation !== variableGeneration.n) {
      cachedScope = s;
      generation = variableGeneration.n;
      cachedVar = s.lookup(key);
    }
    return cachedVar === undefined ? null : cachedVar.value;
  };
}

/** `[int]$x = ...` (re)declares the variable with a type every later assignment converts to. */
function constrained(scope: Scope, name: string, key: string, typeName: string, value: unknown): void {
  const converted = convertTo(value, typeName);
  const existing = scope.vars.get(key);
  if (existing !== undefined) {
    existing.typeConstraint = typeName;
    existing.value = converted;
  } else scope.define(name, converted, typeName, key);
}

export function variableSetter(ast: VariableExpressionAst, typeName: string | null): Setter {
  const key = variableKey(ast.name);
  const name = ast.name;
  const qualifier = ast.scope;
  if (qualifier === null && key === 'null') return () => {};
  if (qualifier === 'env') {
    return (c, v) => {
      if (v === null || v === '') delete c.env[name];
      else c.env[name] = toStr(v);
    };
  }
  if (qualifier === 'global' || qualifier === 'script') {
    return (c, v) => {
      const s = scopeFor(c, qualifier);
      if (typeName !== null) constrained(s, name, key, typeName, v);
      else s.set(name, v, key);
    };
  }
  if (qualifier === 'private') {
    return (c, v) => {
      if (typeName !== null) constrained(c.scope, name, key, typeName, v);
      else c.scope.set(name, v, key);
      (c.scope.vars.get(key) as PSVariable).isPrivate = true;
    };
  }
  if (typeName !== null) return (c, v) => constrained(c.scope, name, key, typeName, v);
  let cachedScope: Scope | null = null;
  let cachedVar: PSVariable | undefined;
  let generation = -1;
  return (c, v) => {
    const s = c.scope;
    if (s === cachedScope && generation === variableGeneration.n && cachedVar !== undefined) {
      cachedVar.value = cachedVar.typeConstraint === null ? v : convertTo(v, cachedVar.typeConstraint);
      return;
    }
    cachedVar = s.set(name, v, key);
    cachedScope = s;
    generation = variableGeneration.n;
  };
}
