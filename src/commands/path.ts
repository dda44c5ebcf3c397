// Join-Path, Split-Path, Resolve-Path and Convert-Path: path strings on the Unix file system,
// resolved against the session's location when they must exist.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { cmdletError, flag, strings } from './common.js';
import { leafName, parentPath, resolveExisting } from './globbing.js';
import { PathInfo } from '../runtime/path-info.js';

export function joinTwo(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left.endsWith('/') ? left : left + '/';
  return left.replace(/\/+$/, '') + '/' + right.replace(/^\/+/, '');
}

const joinPath: CmdletDefinition = {
  name: 'Join-Path',
  parameters: [
    { name: 'Path', aliases: ['PSPath'], type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'ChildPath', type: 'string', position: 1, valueFromPipelineByPropertyName: true },
    { name: 'AdditionalChildPath', type: 'string[]', position: 2, valueFromRemainingArguments: true },
    { name: 'Resolve', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  create: (ctx) => ({
    process(p) {
      for (const base of strings(p, 'Path')) {
        let joined = joinTwo(base, toStr(p.ChildPath ?? ''));
        for (const more of strings(p, 'AdditionalChildPath')) joined = joinTwo(joined, more);
        if (flag(p, 'Resolve')) for (const r of resolveExisting(ctx, 'Join-Path', [joined], false)) ctx.writeObject(r);
        else ctx.writeObject(joined);
      }
    },
  }),
};

const SPLIT = 'Split-Path';

function splitOne(ctx: CmdletContext, path: string, p: Record<string, unknown>): unknown {
  if (flag(p, 'IsAbsolute')) return path.startsWith('/') || path.startsWith('~');
  if (flag(p, 'Qualifier')) {
    ctx.writeError(cmdletError(SPLIT, 'Cannot parse path because path does not contain a qualifier.', 'ParsePathFailure', 'InvalidArgument', path,
      'System.Management.Automation.PSArgumentException'));
    return undefined;
  }
  if (flag(p, 'NoQualifier')) return path;
  const leaf = leafName(path);
  if (flag(p, 'Leaf')) return leaf;
  if (flag(p, 'LeafBase')) {
    const dot = leaf.lastIndexOf('.');
    return dot <= 0 ? leaf : leaf.slice(0, dot);
  }
  if (flag(p, 'Extension')) {
    const dot = leaf.lastIndexOf('.');
    return dot < 0 ? '' : leaf.slice(dot);
  }
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/') return '';
  return parentPath(trimmed);
}

const splitPath: CmdletDefinition = {
  name: SPLIT,
  defaultParameterSet: 'ParentSet',
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]', valueFromPipelineByPropertyName: true },
    { name: 'Parent', type: 'switch' },
    { name: 'Leaf', type: 'switch' },
    { name: 'LeafBase', type: 'switch' },
    { name: 'Extension', type: 'switch' },
    { name: 'Qualifier', type: 'switch' },
    { name: 'NoQualifier', type: 'switch' },
    { name: 'IsAbsolute', type: 'switch' },
    { name: 'Resolve', type: 'switch' },
  ],
  create: (ctx) => ({
    process(p) {
      const literal = p.LiteralPath !== undefined;
      let paths = strings(p, literal ? 'LiteralPath' : 'Path');
      if (flag(p, 'Resolve')) paths = resolveExisting(ctx, SPLIT, paths, literal);
      for (const path of paths) {
        const out = splitOne(ctx, path, p);
        if (out !== undefined) ctx.writeObject(out);
      }
    },
  }),
};

/** `./x` or `../x` relative to a base directory, as Resolve-Path -Relative prints it. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ups = a.length - i;
  const rest = b.slice(i).join('/');
  if (ups === 0) return rest === '' ? '.' : './' + rest;
  return [...new Array<string>(ups).fill('..'), ...(rest === '' ? [] : [rest])].join('/');
}

function resolveCmdlet(name: string, aliases: readonly string[], asPathInfo: boolean): CmdletDefinition {
  return {
    name,
    aliases,
    defaultParameterSet: 'Path',
    parameters: [
      { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
      { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
      ...(asPathInfo ? [{ name: 'Relative', type: 'switch' }, { name: 'RelativeBasePath', type: 'string' }] : []),
    ],
    create: (ctx) => ({
      process(p) {
        const literal = p.LiteralPath !== undefined;
        const base = p.RelativeBasePath === undefined ? ctx.session.location : ctx.session.resolvePath(toStr(p.RelativeBasePath));
        for (const path of resolveExisting(ctx, name, strings(p, literal ? 'LiteralPath' : 'Path'), literal, true)) {
          if (!asPathInfo) ctx.writeObject(path);
          else if (flag(p, 'Relative')) ctx.writeObject(relativePath(base, path));
          else ctx.writeObject(new PathInfo(path));
        }
      },
    }),
  };
}

export const pathCommands: readonly CmdletDefinition[] = [
  joinPath,
  splitPath,
  resolveCmdlet('Resolve-Path', ['rvpa'], true),
  resolveCmdlet('Convert-Path', ['cvpa'], false),
];
