// SessionStateAccess: what cmdlets see of the runspace (variables, location, running script
// blocks and script text, `$using:` values, aliases and command lookup). One per context; it
// always acts on the scope that is current when it is called.

import type { Ast, ScriptBlockAst } from '../language/ast.js';
import { parse } from '../language/index.js';
import type { InvokeOptions, SessionStateAccess } from './cmdlet.js';
import { resolveCommand } from './commands.js';
import { compileStatements } from './compile/statements.js';
import { readNamed, variableKey } from './compile/variables.js';
import type { ExecutionContext } from './context.js';
import { Collector } from './context.js';
import { RuntimeError } from './exceptions.js';
import { compileScriptBlock, invokeBlock } from './invoke.js';
import { cmdletMeta, parameterSummaries } from './binder.js';
import { resolveTypeName } from './types.js';
import type { ScriptBlock } from './values.js';

const sessions = new WeakMap<ExecutionContext, SessionStateAccess>();

/** `string[]` as Get-Command shows a parameter's type: `System.String[]`. */
function fullTypeName(written: string): string {
  if (written.toLowerCase() === 'switch') return 'System.Management.Automation.SwitchParameter';
  return resolveTypeName(written) ?? written;
}

/** Calls `visit` for every AST node below `node` (any object with a `kind`). */
export function forEachNode(node: unknown, visit: (n: Ast) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) forEachNode(x, visit);
    return;
  }
  if ('kind' in node) visit(node as Ast);
  for (const [k, v] of Object.entries(node)) if (k !== 'extent' && v !== null && typeof v === 'object') forEachNode(v, visit);
}

export function usingValues(c: ExecutionContext, ast: ScriptBlockAst): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  forEachNode(ast, (n) => {
    if (n.kind === 'Variable' && n.scope === 'using') {
      const key = variableKey(n.name);
      values[key] = Object.prototype.hasOwnProperty.call(c.using, key) ? c.using[key] : readNamed(c, key);
    }
  });
  return values;
}

/** Parses and runs text in the current scope (Invoke-Expression). */
export function runText(c: ExecutionContext, text: string, emit?: (value: unknown) => void): unknown[] {
  const parsed = parse(text, '<Invoke-Expression>');
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw RuntimeError.create(e.message, e.errorId, 'ParserError', 'System.Management.Automation.ParseException');
  }
  c.sources.set('<Invoke-Expression>', text);
  const body = parsed.ast.endBlock;
  const col = new Collector();
  const saved = c.out;
  c.out = emit === undefined ? col : { write: emit };
  try {
    if (body !== null) compileStatements(body.statements, body.traps)(c);
  } finally {
    c.out = saved;
  }
  return col.items;
}

export function sessionFor(c: ExecutionContext): SessionStateAccess {
  let s = sessions.get(c);
  if (s !== undefined) return s;
  s = {
    getVariable: (name) => readNamed(c, variableKey(name.replace(/^\$/, ''))),
    setVariable(name, value, scope) {
      const target = scope === 'global' ? c.scope.global : scope === 'script' ? c.scope.script : c.scope;
      target.set(name, value, variableKey(name));
    },
    hasVariable: (name) => c.scope.lookup(variableKey(name)) !== undefined,
    removeVariable(name) {
      const key = variableKey(name);
      for (let sc: typeof c.scope | null = c.scope; sc !== null; sc = sc.parent) if (sc.vars.has(key)) return sc.remove(key);
      return false;
    },
    get location() {
      return c.location;
    },
    setLocation(path) {
      c.location = c.resolvePath(path);
    },
    resolvePath: (path) => c.resolvePath(path),
    invoke(block: ScriptBlock, options: InvokeOptions = {}, emit?: (value: unknown) => void) {
      if (emit !== undefined) {
        invokeBlock(c, block, options, { write: emit });
        return [];
      }
      const col = new Collector();
      invokeBlock(c, block, options, col);
      return col.items;
    },
    invokeText: (text, emit) => runText(c, text, emit),
    getUsingValues: (block) => usingValues(c, block.ast),
    setAlias(name, target) {
      c.aliases.set(name.toLowerCase(), target);
    },
    resolveCommand(name) {
      const alias = c.aliases.get(name.toLowerCase());
      if (alias !== undefined) {
        // An alias describes the parameters of what it stands for, as AliasInfo does.
        const parameters = () => (alias.toLowerCase() === name.toLowerCase() ? [] : this.resolveCommand(alias)?.parameters?.() ?? []);
        return { name, commandType: 'Alias', definition: alias, parameters };
      }
      const r = resolveCommand(c, name);
      if (r === null) return null;
      switch (r.kind) {
        case 'function': {
          const info = r.info;
          const parameters = () => parameterSummaries(compileScriptBlock(info.ast, info.name, info.parameters, info.isFilter).meta, fullTypeName);
          return { name: r.name, commandType: info.isFilter ? 'Filter' : 'Function', definition: info.ast.text, parameters };
        }
        case 'cmdlet': {
          const def = r.def;
          return { name: r.name, commandType: 'Cmdlet', definition: r.name, parameters: () => parameterSummaries(cmdletMeta(def), fullTypeName) };
        }
        case 'script': return { name: r.path.split('/').pop() ?? r.path, commandType: 'ExternalScript', definition: r.path };
        case 'native': return { name: r.path.split('/').pop() ?? r.path, commandType: 'Application', definition: r.path };
      }
    },
    functionNames() {
      const names = new Set<string>();
      for (let sc: typeof c.scope | null = c.scope; sc !== null; sc = sc.parent) for (const f of sc.functions?.values() ?? []) names.add(f.name);
      return [...names];
    },
  };
  sessions.set(c, s);
  return s;
}

