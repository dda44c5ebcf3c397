// Scopes and variables with PowerShell's dynamic scoping: a scope reads its parents' variables
// (except private ones), and writes without a qualifier create a variable in the current scope.
// Each scope knows its script scope and the global scope for `$script:` and `$global:`.

import type { ParameterAst, ScriptBlockAst } from '../language/ast.js';
import { convertTo } from './convert.js';

/** A function as the session knows it: `function f {}` / `filter f {}`. */
export interface FunctionInfo {
  readonly name: string;
  readonly ast: ScriptBlockAst;
  readonly isFilter: boolean;
  readonly file: string | null;
  /** `function f($a, $b) {}` parameters, written outside the body. */
  readonly parameters: readonly ParameterAst[] | null;
}

export interface PSVariable {
  readonly name: string;
  value: unknown;
  /** `[int]$x = 1` makes later assignments convert to int. */
  typeConstraint: string | null;
  isPrivate: boolean;
}

/**
 * Bumped whenever any variable is created or removed; compiled variable reads cache the
 * variable they found together with this number, so a loop reads `$i` without a scope walk.
 */
export const variableGeneration = { n: 0 };

export class Scope {
  readonly vars = new Map<string, PSVariable>();
  /** Functions are scoped like variables: defined in the current scope, found in parents. Made on first use. */
  functions: Map<string, FunctionInfo> | null = null;
  readonly script: Scope;
  readonly global: Scope;

  constructor(readonly parent: Scope | null, isScriptScope = false) {
    this.global = parent === null ? this : parent.global;
    this.script = isScriptScope || parent === null ? this : parent.script;
  }

  /** Finds a visible variable by lower-cased name. */
  lookup(key: string): PSVariable | undefined {
    const own = this.vars.get(key);
    if (own !== undefined) return own;
    for (let s = this.parent; s !== null; s = s.parent) {
      const v = s.vars.get(key);
      if (v !== undefined && !v.isPrivate) return v;
    }
    return undefined;
  }

  lookupFunction(key: string): FunctionInfo | undefined {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const f = s.functions?.get(key);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  defineFunction(key: string, info: FunctionInfo): void {
    (this.functions ??= new Map()).set(key, info);
  }

  /** Assigns in this scope, creating a local variable when there is none here. */
  set(name: string, value: unknown, key = name.toLowerCase()): PSVariable {
    const v = this.vars.get(key);
    if (v !== undefined) {
      v.value = v.typeConstraint === null ? value : convertTo(value, v.typeConstraint);
      return v;
    }
    return this.define(name, value, null, key);
  }

  /**
   * `quiet` skips invalidating cached lookups: only for a scope no closure has run in yet
   * (a function's new scope while its parameters are defined).
   */
  define(name: string, value: unknown, typeConstraint: string | null, key = name.toLowerCase(), quiet = false): PSVariable {
    const v: PSVariable = { name, value, typeConstraint, isPrivate: false };
    this.vars.set(key, v);
    if (!quiet) variableGeneration.n++;
    return v;
  }

  remove(key: string): boolean {
    variableGeneration.n++;
    return this.vars.delete(key);
  }
}
