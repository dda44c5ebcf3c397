// The *-Variable cmdlets over the session's variables. PSVariable objects carry Name and Value
// (the table view shows both); -ValueOnly gives the values themselves.

import type { CmdletContext, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { DotNetObject } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, flag, opt, strings } from './common.js';

export class PSVariable extends DotNetObject {
  constructor(
    readonly Name: string,
    readonly Value: unknown,
  ) {
    super();
  }
  get Description(): string { return ''; }
  get Options(): string { return 'None'; }
  get Visibility(): string { return 'Public'; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.PSVariable', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Name', 'Description', 'Value', 'Visibility', 'Options']; }
  toString(): string { return this.Name; }
}

type Scope = 'global' | 'script' | 'local';

function scopeOf(value: unknown): Scope | undefined {
  const s = toStr(value ?? '').toLowerCase();
  return s === 'global' || s === 'script' || s === 'local' ? s : undefined;
}

/** Every variable name visible in the session, when the runtime offers a listing. */
function visibleNames(ctx: CmdletContext): string[] {
  const session = ctx.session as { variableNames?: () => string[] };
  return session.variableNames ? session.variableNames() : [];
}

function notFound(cmdletName: string, name: string): ReturnType<typeof cmdletError> {
  return cmdletError(cmdletName, `Cannot find a variable with the name '${name}'.`, 'VariableNotFound', 'ObjectNotFound', name,
    'System.Management.Automation.ItemNotFoundException');
}

/** Names given (wildcards expanded against the visible variables), writing VariableNotFound for plain names that do not exist. */
function matchNames(ctx: CmdletContext, cmdletName: string, patterns: readonly string[], exclude: readonly string[] = []): string[] {
  const excluded = exclude.map((x) => wildcardToRegExp(x));
  const out: string[] = [];
  for (const pattern of patterns) {
    if (isWildcard(pattern)) {
      const re = wildcardToRegExp(pattern);
      out.push(...visibleNames(ctx).filter((n) => re.test(n)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    } else if (ctx.session.hasVariable(pattern)) out.push(pattern);
    else ctx.writeError(notFound(cmdletName, pattern));
  }
  return out.filter((n) => !excluded.some((re) => re.test(n)));
}

const nameParameter: ParameterDefinition = { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true };
const common: ParameterDefinition[] = [
  { name: 'Scope', type: 'string' },
  { name: 'Include', type: 'string[]' },
  { name: 'Exclude', type: 'string[]' },
  { name: 'Force', type: 'switch' },
  { name: 'PassThru', type: 'switch' },
];

const getVariable: CmdletDefinition = {
  name: 'Get-Variable',
  aliases: ['gv'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'ValueOnly', type: 'switch' },
    { name: 'Scope', type: 'string' },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
  ],
  create: (ctx) => ({
    process(p) {
      const given = strings(p, 'Name');
      const names = matchNames(ctx, 'Get-Variable', given.length === 0 ? ['*'] : given, strings(p, 'Exclude'));
      for (const name of names) {
        const value = ctx.session.getVariable(name);
        ctx.writeObject(flag(p, 'ValueOnly') ? value : new PSVariable(name, value));
      }
    },
  }),
};

const setVariable: CmdletDefinition = {
  name: 'Set-Variable',
  aliases: ['sv', 'set'],
  parameters: [
    nameParameter,
    { name: 'Value', type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Description', type: 'string' },
    { name: 'Option', type: 'string' },
    { name: 'Visibility', type: 'string' },
    ...common,
  ],
  create: (ctx) => {
    const piped: unknown[] = [];
    let last: Record<string, unknown> = {};
    return {
      process(p) {
        last = p;
        if (p.Value !== undefined && !ctx.boundParameterNames.has('Value')) piped.push(p.Value);
      },
      end() {
        const p = last;
        const value = ctx.boundParameterNames.has('Value') ? p.Value ?? null : piped.length === 1 ? piped[0] : piped.length === 0 ? null : piped;
        for (const name of strings(p, 'Name')) {
          ctx.session.setVariable(name, value, scopeOf(p.Scope));
          if (flag(p, 'PassThru')) ctx.writeObject(new PSVariable(name, value));
        }
      },
    };
  },
};

const newVariable: CmdletDefinition = {
  name: 'New-Variable',
  aliases: ['nv'],
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Value', type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Description', type: 'string' },
    { name: 'Option', type: 'string' },
    { name: 'Visibility', type: 'string' },
    { name: 'Scope', type: 'string' },
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
  ],
  create: (ctx) => ({
    process(p) {
      const name = toStr(p.Name);
      if (ctx.session.hasVariable(name) && !flag(p, 'Force') && scopeOf(p.Scope) !== 'global') {
        const local = (ctx.session as { hasLocalVariable?: (n: string) => boolean }).hasLocalVariable;
        if (local === undefined || local.call(ctx.session, name)) {
          ctx.writeError(cmdletError('New-Variable', `A variable with name '${name}' already exists.`, 'VariableAlreadyExists', 'ResourceExists', name,
            'System.Management.Automation.SessionStateUnauthorizedAccessException'));
          return;
        }
      }
      const value = p.Value ?? null;
      ctx.session.setVariable(name, value, scopeOf(p.Scope) ?? 'local');
      if (flag(p, 'PassThru')) ctx.writeObject(new PSVariable(name, value));
    },
  }),
};

const removeVariable: CmdletDefinition = {
  name: 'Remove-Variable',
  aliases: ['rv'],
  parameters: [nameParameter, ...common],
  create: (ctx) => ({
    process(p) {
      for (const name of matchNames(ctx, 'Remove-Variable', strings(p, 'Name'), strings(p, 'Exclude'))) ctx.session.removeVariable(name);
    },
  }),
};

const clearVariable: CmdletDefinition = {
  name: 'Clear-Variable',
  aliases: ['clv'],
  parameters: [nameParameter, ...common],
  create: (ctx) => ({
    process(p) {
      for (const name of matchNames(ctx, 'Clear-Variable', strings(p, 'Name'), strings(p, 'Exclude'))) {
        ctx.session.setVariable(name, null, scopeOf(opt(p, 'Scope')));
        if (flag(p, 'PassThru')) ctx.writeObject(new PSVariable(name, null));
      }
    },
  }),
};

export const variableCommands: readonly CmdletDefinition[] = [getVariable, setVariable, newVariable, removeVariable, clearVariable];
