// Get-Command and Get-Alias: CommandInfo objects for what a name resolves to. Exact names go
// through the session's resolver; wildcard listings need the runspace's command table, asked
// for as the 'commandTable' service.

import type { CmdletContext, CmdletDefinition, ParameterSummary } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { typeObject, type PSType } from '../runtime/types.js';
import { DotNetObject, PSHashtable } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, strings } from './common.js';

export type CommandType = 'Alias' | 'Function' | 'Filter' | 'Cmdlet' | 'ExternalScript' | 'Application';

export interface CommandEntry {
  readonly name: string;
  readonly commandType: CommandType;
  /** Alias target, function body, cmdlet name or program path. */
  readonly definition: string;
  readonly parameters?: () => readonly ParameterSummary[];
}

/** One entry of a command's `Parameters` dictionary. */
export class ParameterMetadata extends DotNetObject {
  constructor(private readonly p: ParameterSummary) {
    super();
  }
  get Name(): string { return this.p.name; }
  get ParameterType(): PSType { return typeObject(this.p.type); }
  get Aliases(): string[] { return [...this.p.aliases]; }
  get SwitchParameter(): boolean { return this.p.isSwitch; }
  get IsDynamic(): boolean { return false; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.ParameterMetadata', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Name', 'ParameterType', 'Aliases', 'IsDynamic', 'SwitchParameter']; }
  toString(): string { return 'System.Management.Automation.ParameterMetadata'; }
}

/** What Get-Command needs of the runspace to list commands by wildcard. */
export interface CommandTable {
  commands(): readonly CommandEntry[];
}

const TYPE_NAMES: Record<CommandType, string> = {
  Alias: 'System.Management.Automation.AliasInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo',
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  ExternalScript: 'System.Management.Automation.ExternalScriptInfo',
  Application: 'System.Management.Automation.ApplicationInfo',
};

const CORE_MODULES: readonly [RegExp, string][] = [
  [/-(Item|ChildItem|Content|Location|Path|Process)$|^(Test|Join|Split|Resolve|Convert)-Path$|^(Push|Pop)-Location$|^Clear-Content$/i, 'Microsoft.PowerShell.Management'],
  [/^(Where|ForEach)-Object$|-Job$|^Get-Command$|^Invoke-Command$|-PSSession$/i, 'Microsoft.PowerShell.Core'],
];

export class CommandInfo extends DotNetObject {
  constructor(private readonly entry: CommandEntry) {
    super();
  }
  get Name(): string { return this.entry.name; }
  get CommandType(): string { return this.entry.commandType; }
  get Definition(): string { return this.entry.definition; }
  get DisplayName(): string { return this.entry.commandType === 'Alias' ? `${this.entry.name} -> ${this.entry.definition}` : this.entry.name; }
  get ReferencedCommand(): string | null { return this.entry.commandType === 'Alias' ? this.entry.definition : null; }
  get ResolvedCommandName(): string | null { return this.ReferencedCommand; }
  get Source(): string {
    if (this.entry.commandType === 'Application' || this.entry.commandType === 'ExternalScript') return this.entry.definition;
    if (this.entry.commandType !== 'Cmdlet') return '';
    for (const [re, module] of CORE_MODULES) if (re.test(this.entry.name)) return module;
    return 'Microsoft.PowerShell.Utility';
  }
  get Version(): string { return this.entry.commandType === 'Cmdlet' ? '7.0.0.0' : ''; }
  get Verb(): string { return this.entry.name.includes('-') ? this.entry.name.split('-')[0] : ''; }
  get Noun(): string { return this.entry.name.includes('-') ? this.entry.name.slice(this.entry.name.indexOf('-') + 1) : ''; }
  get Path(): string | null { return this.entry.commandType === 'Application' ? this.entry.definition : null; }
  /** Name to ParameterMetadata, in declaration order and case-insensitive like PowerShell's dictionary; null for aliases, scripts and programs. */
  get Parameters(): PSHashtable | null {
    if (this.entry.parameters === undefined) return null;
    const table = new PSHashtable(true);
    for (const p of this.entry.parameters()) table.set(p.name, new ParameterMetadata(p));
    return table;
  }
  get psTypeNames(): readonly string[] { return [TYPE_NAMES[this.entry.commandType], 'System.Management.Automation.CommandInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] {
    return ['CommandType', 'Name', 'Version', 'Source', 'Definition', 'DisplayName', 'ReferencedCommand', 'ResolvedCommandName', 'Verb', 'Noun', 'Parameters'];
  }
  toString(): string { return this.entry.name; }
}

function table(ctx: CmdletContext): readonly CommandEntry[] {
  try {
    return ctx.service<CommandTable>('commandTable').commands();
  } catch {
    return ctx.session.functionNames().map((name) => ({ name, commandType: 'Function' as const, definition: '' }));
  }
}

const ORDER: readonly CommandType[] = ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application'];

function byName(a: CommandEntry, b: CommandEntry): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : ORDER.indexOf(a.commandType) - ORDER.indexOf(b.commandType);
}

const COMMAND = 'Get-Command';

const getCommand: CmdletDefinition = {
  name: COMMAND,
  aliases: ['gcm'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Verb', type: 'string[]' },
    { name: 'Noun', type: 'string[]' },
    { name: 'Module', type: 'string[]' },
    { name: 'CommandType', aliases: ['Type'], type: 'string[]' },
    { name: 'All', type: 'switch' },
    { name: 'ListImported', type: 'switch' },
    { name: 'TotalCount', type: 'int' },
    { name: 'Syntax', type: 'switch' },
    { name: 'ArgumentList', aliases: ['Args'], type: 'object[]', position: 1, valueFromRemainingArguments: true },
  ],
  create: (ctx) => ({
    process(p) {
      const names = strings(p, 'Name');
      const types = strings(p, 'CommandType').map((t) => t.toLowerCase());
      const verbs = strings(p, 'Verb').map((v) => wildcardToRegExp(v));
      const nouns = strings(p, 'Noun').map((n) => wildcardToRegExp(n));
      const keep = (e: CommandEntry): boolean => (types.length === 0 || types.includes('all') || types.includes(e.commandType.toLowerCase()))
        && (verbs.length === 0 || verbs.some((re) => re.test(e.name.split('-')[0])))
        && (nouns.length === 0 || (e.name.includes('-') && nouns.some((re) => re.test(e.name.slice(e.name.indexOf('-') + 1)))));
      const found: CommandEntry[] = [];
      if (names.length === 0) found.push(...table(ctx).filter((e) => e.commandType !== 'Alias' || types.includes('alias')).filter(keep));
      for (const name of names) {
        if (isWildcard(name)) {
          const re = wildcardToRegExp(name);
          found.push(...table(ctx).filter((e) => re.test(e.name) && keep(e)));
          continue;
        }
        const r = ctx.session.resolveCommand(name);
        if (r !== null && keep(r)) {
          found.push(r);
          continue;
        }
        ctx.writeError(cmdletError(COMMAND,
          `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
          'CommandNotFoundException', 'ObjectNotFound', name, 'System.Management.Automation.CommandNotFoundException'));
      }
      const sorted = names.some(isWildcard) || names.length === 0 ? found.sort(byName) : found;
      const limit = p.TotalCount === undefined ? sorted.length : Number(p.TotalCount);
      for (const e of sorted.slice(0, limit)) ctx.writeObject(new CommandInfo(e));
    },
  }),
};

const ALIAS = 'Get-Alias';

const getAlias: CmdletDefinition = {
  name: ALIAS,
  aliases: ['gal'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipelineByPropertyName: true },
    { name: 'Definition', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'Scope', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const aliases = table(ctx).filter((e) => e.commandType === 'Alias').sort(byName);
      const definitions = strings(p, 'Definition').map((d) => wildcardToRegExp(d));
      const exclude = strings(p, 'Exclude').map((d) => wildcardToRegExp(d));
      const names = strings(p, 'Name');
      const patterns = names.length === 0 && definitions.length === 0 ? ['*'] : names;
      const emit = (e: CommandEntry): void => {
        if (!exclude.some((re) => re.test(e.name))) ctx.writeObject(new CommandInfo(e));
      };
      if (patterns.length === 0) aliases.filter((e) => definitions.some((re) => re.test(e.definition))).forEach(emit);
      for (const name of patterns) {
        const re = wildcardToRegExp(name);
        const hits = aliases.filter((e) => re.test(e.name) && (definitions.length === 0 || definitions.some((d) => d.test(e.definition))));
        if (hits.length === 0 && !isWildcard(name)) {
          const r = ctx.session.resolveCommand(name);
          if (r !== null && r.commandType === 'Alias') {
            emit(r);
            continue;
          }
          ctx.writeError(cmdletError(ALIAS, `This command cannot find a matching alias because an alias with the name '${toStr(name)}' does not exist.`,
            'ItemNotFoundException', 'ObjectNotFound', name, 'System.Management.Automation.ItemNotFoundException'));
          continue;
        }
        hits.forEach(emit);
      }
    },
  }),
};

export const commandInfoCommands: readonly CmdletDefinition[] = [getCommand, getAlias];
