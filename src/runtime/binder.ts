// The one parameter binder for cmdlets, advanced functions, simple functions and scripts:
// named arguments (unambiguous prefixes and aliases), switches, positional arguments,
// remaining arguments, parameter sets, mandatory checks, type conversion, ValidateSet, and
// per-object pipeline binding (by value, then by property name). Messages and error ids are
// PowerShell's ParameterBindingException ones.

import type { CmdletDefinition, ParameterSummary } from './cmdlet.js';
import { convertTo, toStr } from './convert.js';
import type { Preference } from './context.js';
import { preferenceOf } from './context.js';
import { RuntimeError } from './exceptions.js';
import { getProperty } from './properties.js';

export interface ParamMeta {
  readonly name: string;
  readonly aliases: readonly string[];
  /** null: no conversion (object). */
  readonly type: string | null;
  readonly isSwitch: boolean;
  /** Parameter sets the parameter belongs to; null means all. */
  readonly sets: readonly string[] | null;
  readonly position: number | null;
  /** true: mandatory everywhere; a list: mandatory in those sets. */
  readonly mandatory: boolean | readonly string[];
  readonly fromPipeline: boolean;
  readonly fromPipelineByName: boolean;
  readonly remaining: boolean;
  readonly validateSet: readonly string[] | null;
  /** `[ValidateNotNullOrEmpty()]` */
  readonly validateNotNullOrEmpty?: boolean;
  /** `[ValidateRange(min, max)]` */
  readonly validateRange?: readonly [number, number] | null;
}

export interface CommandMeta {
  readonly name: string;
  readonly params: readonly ParamMeta[];
  readonly defaultSet: string | null;
  /** Advanced commands (cmdlets, [CmdletBinding()] functions) take common parameters and reject unknown ones. */
  readonly advanced: boolean;
  /** [CmdletBinding(SupportsShouldProcess)]: -WhatIf and -Confirm are among its common parameters. */
  readonly shouldProcess?: boolean;
  /** Cmdlets report conversion failures as "Cannot bind parameter", scripts as "argument transformation". */
  readonly isCmdlet: boolean;
}

/** One argument as written: `-Name value`, `-Name:value`, `-Switch`, or a positional value. */
export interface CommandArgument {
  readonly name: string | null;
  readonly value: unknown;
  /** `-Name:value` (or a splatted hashtable entry): the value belongs to the parameter. */
  readonly hasValue: boolean;
}

export interface CommonParameters {
  errorAction?: Preference;
  warningAction?: Preference;
  informationAction?: Preference;
  verbose?: boolean;
  debug?: boolean;
  errorVariable?: string;
  warningVariable?: string;
  informationVariable?: string;
  outVariable?: string;
  whatIf?: boolean;
}

export interface BindResult {
  /** Bound values by the parameter's declared name. */
  readonly bound: Map<string, unknown>;
  readonly setName: string;
  /** Positional arguments nothing took (simple functions' `$args`). */
  readonly unbound: unknown[];
  readonly common: CommonParameters;
}

const ALL_SETS = '__AllParameterSets';

const COMMON: readonly { readonly name: string; readonly aliases: readonly string[]; readonly isSwitch: boolean; readonly shouldProcess?: boolean }[] = [
  { name: 'Verbose', aliases: ['vb'], isSwitch: true },
  { name: 'Debug', aliases: ['db'], isSwitch: true },
  { name: 'ErrorAction', aliases: ['ea'], isSwitch: false },
  { name: 'WarningAction', aliases: ['wa'], isSwitch: false },
  { name: 'InformationAction', aliases: ['infa'], isSwitch: false },
  { name: 'ProgressAction', aliases: ['proga'], isSwitch: false },
  { name: 'ErrorVariable', aliases: ['ev'], isSwitch: false },
  { name: 'WarningVariable', aliases: ['wv'], isSwitch: false },
  { name: 'InformationVariable', aliases: ['iv'], isSwitch: false },
  { name: 'OutVariable', aliases: ['ov'], isSwitch: false },
  { name: 'OutBuffer', aliases: ['ob'], isSwitch: false },
  { name: 'PipelineVariable', aliases: ['pv'], isSwitch: false },
  { name: 'WhatIf', aliases: ['wi'], isSwitch: true, shouldProcess: true },
  { name: 'Confirm', aliases: ['cf'], isSwitch: true, shouldProcess: true },
];

/** The common parameters a command takes: -WhatIf/-Confirm only where it supports ShouldProcess (cmdlets declare their own). */
function commonOf(meta: CommandMeta): readonly (typeof COMMON)[number][] {
  return meta.shouldProcess ? COMMON : COMMON_WITHOUT_SHOULD_PROCESS;
}

const COMMON_WITHOUT_SHOULD_PROCESS = COMMON.filter((c) => !c.shouldProcess);

export function bindingError(message: string, id: string, commandName: string, category: 'InvalidArgument' | 'InvalidData' = 'InvalidArgument', target: unknown = null): RuntimeError {
  return RuntimeError.create(message, `${id},${commandName}`, category, 'System.Management.Automation.ParameterBindingException', target);
}

const COMMON_TYPES: Record<string, string> = {
  Verbose: 'System.Management.Automation.SwitchParameter', Debug: 'System.Management.Automation.SwitchParameter',
  WhatIf: 'System.Management.Automation.SwitchParameter', Confirm: 'System.Management.Automation.SwitchParameter',
  ErrorAction: 'System.Management.Automation.ActionPreference', WarningAction: 'System.Management.Automation.ActionPreference',
  InformationAction: 'System.Management.Automation.ActionPreference', ProgressAction: 'System.Management.Automation.ActionPreference',
  OutBuffer: 'System.Int32',
};

/** A command's parameters as `(Get-Command X).Parameters` lists them: declared ones first, then the common ones. */
export function parameterSummaries(meta: CommandMeta, typeName: (written: string) => string): ParameterSummary[] {
  const own = meta.params.map((p) => ({
    name: p.name,
    type: p.isSwitch ? 'System.Management.Automation.SwitchParameter' : p.type === null ? 'System.Object' : typeName(p.type),
    aliases: p.aliases,
    isSwitch: p.isSwitch,
  }));
  if (!meta.advanced) return own;
  const common = commonOf(meta)
    .filter((c) => !own.some((o) => o.name.toLowerCase() === c.name.toLowerCase()))
    .map((c) => ({ name: c.name, type: COMMON_TYPES[c.name] ?? 'System.String', aliases: c.aliases, isSwitch: c.isSwitch }));
  return [...own, ...common];
}

const cmdletMetas = new WeakMap<CmdletDefinition, CommandMeta>();

export function cmdletMeta(def: CmdletDefinition): CommandMeta {
  let meta = cmdletMetas.get(def);
  if (meta === undefined) {
    meta = {
      name: def.name,
      defaultSet: def.defaultParameterSet ?? null,
      advanced: true,
      isCmdlet: true,
      params: def.parameters.map((p) => {
        const type = p.type.toLowerCase();
        return {
          name: p.name,
          aliases: p.aliases ?? [],
          type: type === 'object' || type === 'psobject' ? null : p.type,
          isSwitch: type === 'switch',
          sets: p.parameterSets ?? null,
          position: p.position ?? null,
          mandatory: p.mandatory ?? false,
          fromPipeline: p.valueFromPipeline ?? false,
          fromPipelineByName: p.valueFromPipelineByPropertyName ?? false,
          remaining: p.valueFromRemainingArguments ?? false,
          validateSet: p.validateSet ?? null,
        };
      }),
    };
    cmdletMetas.set(def, meta);
  }
  return meta;
}

type Match = { readonly param: ParamMeta } | { readonly common: (typeof COMMON)[number] };

function matchName(meta: CommandMeta, name: string): Match {
  const lower = name.toLowerCase();
  const candidates: Match[] = [];
  for (const p of meta.params) {
    if (p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower)) return { param: p };
  }
  if (meta.advanced) {
    for (const c of commonOf(meta)) {
      if (c.name.toLowerCase() === lower || c.aliases.includes(lower)) return { common: c };
    }
  }
  for (const p of meta.params) {
    if (p.name.toLowerCase().startsWith(lower) || p.aliases.some((a) => a.toLowerCase().startsWith(lower))) candidates.push({ param: p });
  }
  if (meta.advanced) {
    for (const c of commonOf(meta)) if (c.name.toLowerCase().startsWith(lower)) candidates.push({ common: c });
  }
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    throw bindingError(`A parameter cannot be found that matches parameter name '${name}'.`, 'NamedParameterNotFound', meta.name);
  }
  const names = candidates.map((c) => '-' + ('param' in c ? c.param.name : c.common.name)).join(' ');
  throw bindingError(`Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${names}.`, 'AmbiguousParameter', meta.name);
}

function inSet(p: ParamMeta, set: string): boolean {
  return p.sets === null || p.sets.includes(set);
}

function isMandatoryIn(p: ParamMeta, set: string): boolean {
  return p.mandatory === true || (Array.isArray(p.mandatory) && (p.mandatory as readonly string[]).includes(set));
}

interface MetaShape {
  readonly sets: readonly string[];
  /** Positional parameters by position; without any explicit Position, in declaration order. */
  readonly positional: readonly ParamMeta[];
  /** One set, no switches, no remaining arguments: positional values map straight onto parameters. */
  readonly simple: boolean;
}

const shapes = new WeakMap<CommandMeta, MetaShape>();

function shapeOf(meta: CommandMeta): MetaShape {
  let shape = shapes.get(meta);
  if (shape === undefined) {
    const explicit = meta.params.some((p) => p.position !== null);
    const positional = meta.params
      .map((p, index) => ({ p, pos: p.position ?? (explicit || p.isSwitch || p.remaining ? null : index) }))
      .filter((x) => x.pos !== null)
      .sort((a, b) => (a.pos as number) - (b.pos as number))
      .map((x) => x.p);
    const sets = allSets(meta);
    const simple = sets.length === 1 && meta.params.every((p) => !p.remaining && p.validateSet === null && p.validateNotNullOrEmpty !== true && (p.validateRange ?? null) === null && !isMandatoryAnywhere(p)) && positional.length === meta.params.length;
    shape = { sets, positional, simple };
    shapes.set(meta, shape);
  }
  return shape;
}

/** Positional-only calls of simple commands (`f 1 2`): the common case, without the general search. */
function bindSimple(meta: CommandMeta, shape: MetaShape, args: readonly CommandArgument[]): BindResult | null {
  for (let i = 0; i < args.length; i++) if (args[i].name !== null) return null;
  const bound = new Map<string, unknown>();
  const unbound: unknown[] = [];
  const positional = shape.positional;
  for (let i = 0; i < args.length; i++) {
    if (i < positional.length) {
      const p = positional[i];
      bound.set(p.name, p.type === null && !p.isSwitch ? args[i].value : convertArgument(meta, p, args[i].value));
    } else if (meta.advanced) {
      throw bindingError(`A positional parameter cannot be found that accepts argument '${toStr(args[i].value)}'.`, 'PositionalParameterNotFound', meta.name);
    } else unbound.push(args[i].value);
  }
  return { bound, setName: shape.sets[0], unbound, common: {} };
}

export function allSets(meta: CommandMeta): string[] {
  const sets = new Set<string>();
  for (const p of meta.params) for (const s of p.sets ?? []) sets.add(s);
  if (meta.defaultSet !== null) sets.add(meta.defaultSet);
  return sets.size === 0 ? [ALL_SETS] : [...sets];
}

function typeForMessage(p: ParamMeta): string {
  if (p.type === null) return 'System.Object';
  if (p.isSwitch) return 'System.Management.Automation.SwitchParameter';
  const t = p.type.toLowerCase();
  const known: Record<string, string> = { string: 'System.String', int: 'System.Int32', 'string[]': 'System.String[]', scriptblock: 'System.Management.Automation.ScriptBlock', long: 'System.Int64', double: 'System.Double', bool: 'System.Boolean', 'object[]': 'System.Object[]', hashtable: 'System.Collections.Hashtable', 'int[]': 'System.Int32[]' };
  return known[t] ?? p.type;
}

/** Converts and validates one value for a parameter. */
export function convertArgument(meta: CommandMeta, p: ParamMeta, value: unknown): unknown {
  if (value === null && isMandatoryAnywhere(p) && !p.isSwitch) {
    throw bindingError(`Cannot bind argument to parameter '${p.name}' because it is null.`, 'ParameterArgumentValidationErrorNullNotAllowed', meta.name, 'InvalidData');
  }
  let v = value;
  if (p.isSwitch) v = value === null ? false : convertTo(value, 'bool');
  else if (p.type !== null) {
    try {
      v = convertTo(value, p.type);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      if (meta.isCmdlet) throw bindingError(`Cannot bind parameter '${p.name}'. ${e.message}`, 'CannotConvertArgumentNoMessage', meta.name);
      throw bindingError(`Cannot process argument transformation on parameter '${p.name}'. ${e.message}`, 'ParameterArgumentTransformationError', meta.name, 'InvalidData');
    }
  }
  if (p.validateNotNullOrEmpty === true && (v === null || v === '' || (Array.isArray(v) && v.length === 0))) {
    throw bindingError(`Cannot validate argument on parameter '${p.name}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.`,
      'ParameterArgumentValidationError', meta.name, 'InvalidData');
  }
  const range = p.validateRange ?? null;
  if (range !== null && v !== null) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const n = Number(item);
      if (n < range[0]) {
        throw bindingError(`Cannot validate argument on parameter '${p.name}'. The ${toStr(item)} argument is less than the minimum allowed range of ${range[0]}. Supply an argument that is greater than or equal to ${range[0]} and then try the command again.`,
          'ParameterArgumentValidationError', meta.name, 'InvalidData');
      }
      if (n > range[1]) {
        throw bindingError(`Cannot validate argument on parameter '${p.name}'. The ${toStr(item)} argument is greater than the maximum allowed range of ${range[1]}. Supply an argument that is less than or equal to ${range[1]} and then try the command again.`,
          'ParameterArgumentValidationError', meta.name, 'InvalidData');
      }
    }
  }
  if (p.validateSet !== null && v !== null) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const s = toStr(item).toLowerCase();
      if (!p.validateSet.some((x) => x.toLowerCase() === s)) {
        throw bindingError(`Cannot validate argument on parameter '${p.name}'. The argument "${toStr(item)}" does not belong to the set "${p.validateSet.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          'ParameterArgumentValidationError', meta.name, 'InvalidData');
      }
    }
  }
  return v;
}

function isMandatoryAnywhere(p: ParamMeta): boolean {
  return p.mandatory === true || (Array.isArray(p.mandatory) && p.mandatory.length > 0);
}

function setCommon(common: CommonParameters, name: string, value: unknown): void {
  switch (name) {
    case 'Verbose': common.verbose = value === true || (value !== false && value !== null && toStr(value).toLowerCase() !== 'false'); break;
    case 'Debug': common.debug = value === true || (value !== false && value !== null && toStr(value).toLowerCase() !== 'false'); break;
    case 'ErrorAction': common.errorAction = checkedPreference(value); break;
    case 'WarningAction': common.warningAction = checkedPreference(value); break;
    case 'InformationAction': common.informationAction = checkedPreference(value); break;
    case 'ErrorVariable': common.errorVariable = toStr(value); break;
    case 'WarningVariable': common.warningVariable = toStr(value); break;
    case 'InformationVariable': common.informationVariable = toStr(value); break;
    case 'OutVariable': common.outVariable = toStr(value); break;
    case 'WhatIf': common.whatIf = value === true; break;
  }
}

function checkedPreference(value: unknown): Preference {
  const p = preferenceOf(value, 'continue');
  if (toStr(value).toLowerCase() !== p) {
    throw RuntimeError.create(`Cannot convert value "${toStr(value)}" to type "System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name ${toStr(value)} to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break"`,
      'CannotConvertArgumentNoMessage', 'InvalidArgument', 'System.Management.Automation.ParameterBindingException');
  }
  return p;
}

/**
 * Binds the arguments of one invocation. `expectsInput` is true when objects will arrive
 * from the pipeline, so mandatory pipeline parameters are checked per object instead.
 */
export function bindArguments(meta: CommandMeta, args: readonly CommandArgument[], expectsInput: boolean): BindResult {
  const shape = shapeOf(meta);
  if (shape.simple) {
    const fast = bindSimple(meta, shape, args);
    if (fast !== null) return fast;
  }
  const bound = new Map<string, unknown>();
  const boundParams: ParamMeta[] = [];
  const positional: unknown[] = [];
  /** Where each positional argument was written, so what no parameter takes keeps its order in $args. */
  const positionalAt: number[] = [];
  const unboundAt: { readonly at: number; readonly value: unknown }[] = [];
  const common: CommonParameters = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.name === null) {
      positional.push(a.value);
      positionalAt.push(i);
      continue;
    }
    let match: Match;
    try {
      match = matchName(meta, a.name);
    } catch (e) {
      if (meta.advanced) throw e;
      // Simple functions pass unknown parameters through `$args` as text.
      unboundAt.push({ at: i, value: a.hasValue ? [`-${a.name}:`, a.value] : `-${a.name}` });
      continue;
    }
    const isSwitch = 'param' in match ? match.param.isSwitch : match.common.isSwitch;
    let value: unknown;
    if (a.hasValue) value = a.value;
    else if (isSwitch) value = true;
    else if (i + 1 < args.length && args[i + 1].name === null) value = args[++i].value;
    else {
      const pname = 'param' in match ? match.param.name : match.common.name;
      const ptype = 'param' in match ? typeForMessage(match.param) : 'System.String';
      throw bindingError(`Missing an argument for parameter '${pname}'. Specify a parameter of type '${ptype}' and try again.`, 'MissingArgument', meta.name);
    }
    if ('common' in match) {
      setCommon(common, match.common.name, value);
      continue;
    }
    const p = match.param;
    if (bound.has(p.name)) {
      throw bindingError(`Cannot bind parameter because parameter '${p.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, 'ParameterAlreadyBound', meta.name);
    }
    bound.set(p.name, value);
    boundParams.push(p);
  }

  const sets = shape.sets;
  let candidates = sets.filter((s) => boundParams.every((p) => inSet(p, s)));
  if (candidates.length === 0) {
    throw bindingError('Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet', meta.name);
  }

  // Positional arguments go to the positional parameters of the remaining sets, in position order.
  if (positional.length > 0) {
    const ordered = shape.positional
      .filter((p) => !bound.has(p.name) && candidates.some((s) => inSet(p, s)))
      .map((p) => ({ p }));
    let next = 0;
    let k = 0;
    for (; k < positional.length; k++) {
      while (next < ordered.length && (bound.has(ordered[next].p.name) || !candidates.some((s) => inSet(ordered[next].p, s)))) next++;
      if (next >= ordered.length) break;
      const p = ordered[next++].p;
      if (p.remaining) break;
      bound.set(p.name, positional[k]);
      boundParams.push(p);
      candidates = candidates.filter((s) => inSet(p, s));
    }
    if (k < positional.length) {
      const rest = positional.slice(k);
      const remaining = meta.params.find((p) => p.remaining && !bound.has(p.name) && candidates.some((s) => inSet(p, s)));
      if (remaining !== undefined) {
        // One remaining argument binds as itself: `Write-Output (1, 2)` is two objects, not one array.
        bound.set(remaining.name, rest.length === 1 ? rest[0] : rest);
        boundParams.push(remaining);
        candidates = candidates.filter((s) => inSet(remaining, s));
      } else if (!meta.advanced) rest.forEach((value, j) => unboundAt.push({ at: positionalAt[k + j], value }));
      else {
        throw bindingError(`A positional parameter cannot be found that accepts argument '${toStr(rest[0])}'.`, 'PositionalParameterNotFound', meta.name);
      }
    }
  }

  const setName = chooseSet(meta, candidates, bound, expectsInput);
  for (const p of meta.params) {
    if (!bound.has(p.name) && isMandatoryIn(p, setName) && inSet(p, setName)) {
      if (expectsInput && (p.fromPipeline || p.fromPipelineByName)) continue;
      const missing = meta.params.filter((q) => !bound.has(q.name) && inSet(q, setName) && isMandatoryIn(q, setName) && !(expectsInput && (q.fromPipeline || q.fromPipelineByName)));
      throw bindingError(`Cannot process command because of one or more missing mandatory parameters: ${missing.map((q) => q.name).join(' ')}.`, 'MissingMandatoryParameter', meta.name);
    }
  }
  for (const p of boundParams) bound.set(p.name, convertArgument(meta, p, bound.get(p.name) ?? null));
  const unbound = unboundAt.sort((x, y) => x.at - y.at).map((u) => u.value);
  return { bound, setName, unbound, common };
}

function chooseSet(meta: CommandMeta, candidates: readonly string[], bound: ReadonlyMap<string, unknown>, expectsInput: boolean): string {
  if (candidates.length === 1) return candidates[0];
  // Prefer the sets whose mandatory parameters are all given (or can come from the pipeline).
  const satisfied = candidates.filter((s) => meta.params.every((p) => !inSet(p, s) || !isMandatoryIn(p, s) || bound.has(p.name) || (expectsInput && (p.fromPipeline || p.fromPipelineByName))));
  if (satisfied.length === 1) return satisfied[0];
  if (meta.defaultSet !== null && (satisfied.length === 0 ? candidates : satisfied).includes(meta.defaultSet)) return meta.defaultSet;
  if (expectsInput) {
    const piped = satisfied.filter((s) => meta.params.some((p) => inSet(p, s) && (p.fromPipeline || p.fromPipelineByName) && !bound.has(p.name)));
    if (piped.length >= 1) return piped[0];
  }
  if (satisfied.length > 1 && meta.params.every((p) => p.sets === null || bound.has(p.name) || !satisfied.every((s) => inSet(p, s)))) return satisfied[0];
  throw bindingError('Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet', meta.name);
}

/**
 * Binds one pipeline object: by value first, then by property name. Returns the names it
 * bound (to unbind before the next object), or null when the object fits no parameter.
 */
export function bindPipelineInput(meta: CommandMeta, setName: string, bound: Map<string, unknown>, explicit: ReadonlySet<string>, input: unknown): string[] | null {
  const names: string[] = [];
  let any = false;
  for (const p of meta.params) {
    if (!p.fromPipeline || explicit.has(p.name) || !inSet(p, setName)) continue;
    any = true;
    try {
      bound.set(p.name, convertArgument(meta, p, input));
      names.push(p.name);
      return names;
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
    }
  }
  for (const p of meta.params) {
    if (!p.fromPipelineByName || explicit.has(p.name) || !inSet(p, setName)) continue;
    any = true;
    for (const n of [p.name, ...p.aliases]) {
      const prop = getProperty(input, n);
      if (prop.found) {
        bound.set(p.name, convertArgument(meta, p, prop.value));
        names.push(p.name);
        break;
      }
    }
  }
  if (!any || names.length === 0) return null;
  for (const p of meta.params) {
    if (!bound.has(p.name) && inSet(p, setName) && isMandatoryIn(p, setName)) return null;
  }
  return names;
}

export function inputNotBound(meta: CommandMeta, input: unknown): RuntimeError {
  return bindingError('The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
    'InputObjectNotBound', meta.name, 'InvalidArgument', input);
}
