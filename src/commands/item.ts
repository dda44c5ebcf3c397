// The file system item cmdlets: Get-ChildItem, Get-Item, Test-Path, New-Item, Remove-Item,
// Copy-Item, Move-Item and Rename-Item, with PowerShell's messages and error ids.

import type { BoundParameters, CmdletContext, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, flag, opt, shouldProcess, shouldProcessParameters, strings, writeIoError } from './common.js';
import { itemInfo } from './file-info.js';
import { glob, isDirectory, joinPath, leafName, ordinal, parentPath, resolveExisting } from './globbing.js';

const pathParameters = (mandatory: boolean): ParameterDefinition[] => [
  { name: 'Path', type: 'string[]', position: 0, mandatory, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
  { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
];

const filterParameters: ParameterDefinition[] = [
  { name: 'Filter', type: 'string' },
  { name: 'Include', type: 'string[]' },
  { name: 'Exclude', type: 'string[]' },
  { name: 'Force', type: 'switch' },
];

function givenPaths(p: BoundParameters, fallback: string[] = []): { paths: string[]; literal: boolean } {
  if (p.LiteralPath !== undefined) return { paths: strings(p, 'LiteralPath'), literal: true };
  const paths = strings(p, 'Path');
  return { paths: paths.length === 0 ? fallback : paths, literal: false };
}

/** -Filter, -Include and -Exclude as one test on an item's name. */
function nameFilter(p: BoundParameters): (name: string) => boolean {
  const filter = opt<string>(p, 'Filter');
  const include = strings(p, 'Include').map((x) => wildcardToRegExp(x));
  const exclude = strings(p, 'Exclude').map((x) => wildcardToRegExp(x));
  const filterRe = filter === null ? null : wildcardToRegExp(filter);
  return (name) => (filterRe === null || filterRe.test(name))
    && (include.length === 0 || include.some((re) => re.test(name)))
    && !exclude.some((re) => re.test(name));
}

function listDir(ctx: CmdletContext, dir: string, force: boolean): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const name of [...ctx.host.fs.readDir(dir)].sort(ordinal)) {
    if (!force && name.startsWith('.')) continue;
    const full = joinPath(dir, name);
    (isDirectory(ctx, full) ? dirs : files).push(full);
  }
  return { dirs, files };
}

const GCI = 'Get-ChildItem';

const getChildItem: CmdletDefinition = {
  name: GCI,
  aliases: ['gci', 'dir'],
  defaultParameterSet: 'Items',
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Items'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralItems'] },
    { name: 'Filter', type: 'string', position: 1 },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'Recurse', aliases: ['s', 'r'], type: 'switch' },
    { name: 'Depth', type: 'int' },
    { name: 'Force', type: 'switch' },
    { name: 'Name', type: 'switch' },
    { name: 'File', aliases: ['af'], type: 'switch' },
    { name: 'Directory', aliases: ['ad'], type: 'switch' },
    { name: 'Hidden', aliases: ['ah', 'h'], type: 'switch' },
    { name: 'ReadOnly', aliases: ['ar'], type: 'switch' },
    { name: 'System', aliases: ['as'], type: 'switch' },
    { name: 'FollowSymlink', type: 'switch' },
    { name: 'Attributes', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = givenPaths(p, ['.']);
      const force = flag(p, 'Force') || flag(p, 'Hidden');
      const depth = opt<number>(p, 'Depth');
      const recurse = flag(p, 'Recurse') || depth !== null;
      const matches = nameFilter(p);
      const wanted = (full: string, dir: boolean): boolean => {
        if (flag(p, 'File') && dir) return false;
        if (flag(p, 'Directory') && !dir) return false;
        if (flag(p, 'Hidden') && !leafName(full).startsWith('.')) return false;
        return matches(leafName(full));
      };
      const emit = (full: string, base: string): void => {
        if (flag(p, 'Name')) ctx.writeObject(full.startsWith(base + '/') ? full.slice(base.length + 1) : base === '/' ? full.slice(1) : leafName(full));
        else ctx.writeObject(itemInfo(ctx.host, full));
      };
      const visit = (dir: string, base: string, level: number): void => {
        ctx.checkStop();
        let listing: { dirs: string[]; files: string[] };
        try {
          listing = listDir(ctx, dir, force);
        } catch (e) {
          writeIoError(ctx, GCI, e, dir, 'DirUnauthorizedAccessError', 'PermissionDenied');
          return;
        }
        for (const d of listing.dirs) if (wanted(d, true)) emit(d, base);
        for (const f of listing.files) if (wanted(f, false)) emit(f, base);
        if (recurse && (depth === null || level < depth)) for (const d of listing.dirs) visit(d, base, level + 1);
      };
      for (const path of resolveExisting(ctx, GCI, paths, literal, force)) {
        if (isDirectory(ctx, path)) visit(path, path, 0);
        else if (wanted(path, false)) emit(path, parentPath(path));
      }
    },
  }),
};

const getItem: CmdletDefinition = {
  name: 'Get-Item',
  aliases: ['gi'],
  defaultParameterSet: 'Path',
  parameters: [...pathParameters(true), ...filterParameters, { name: 'Stream', type: 'string[]' }],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = givenPaths(p);
      const matches = nameFilter(p);
      for (const path of resolveExisting(ctx, 'Get-Item', paths, literal, flag(p, 'Force'))) {
        if (matches(leafName(path))) ctx.writeObject(itemInfo(ctx.host, path));
      }
    },
  }),
};

const testPath: CmdletDefinition = {
  name: 'Test-Path',
  defaultParameterSet: 'Path',
  parameters: [
    ...pathParameters(true),
    ...filterParameters,
    { name: 'PathType', aliases: ['Type'], type: 'string', validateSet: ['Any', 'Container', 'Leaf'] },
    { name: 'IsValid', type: 'switch' },
    { name: 'NewerThan', type: 'datetime' },
    { name: 'OlderThan', type: 'datetime' },
  ],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = givenPaths(p);
      const type = toStr(p.PathType ?? 'Any').toLowerCase();
      for (const given of paths) {
        if (flag(p, 'IsValid')) {
          ctx.writeObject(!given.includes('\0'));
          continue;
        }
        if (given.trim() === '') {
          ctx.writeObject(false);
          continue;
        }
        const absolute = ctx.session.resolvePath(given);
        const found = !literal && isWildcard(absolute) ? glob(ctx, absolute, true) : ctx.host.fs.exists(absolute) ? [absolute] : [];
        const ok = found.some((f) => type === 'any' || (type === 'container') === isDirectory(ctx, f));
        ctx.writeObject(ok);
      }
    },
  }),
};

const NEW = 'New-Item';

const newItem: CmdletDefinition = {
  name: NEW,
  aliases: ['ni'],
  defaultParameterSet: 'pathSet',
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, valueFromPipelineByPropertyName: true },
    { name: 'Name', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'ItemType', aliases: ['Type'], type: 'string' },
    { name: 'Value', aliases: ['Target'], type: 'object', valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    ...shouldProcessParameters,
  ],
  create: (ctx) => ({
    process(p) {
      const name = opt<string>(p, 'Name');
      const bases = strings(p, 'Path');
      const targets = (bases.length === 0 ? ['.'] : bases).map((b) => (name === null ? b : b.replace(/\/+$/, '') + '/' + name));
      const type = toStr(p.ItemType ?? 'File').toLowerCase();
      const force = flag(p, 'Force');
      for (const target of targets) {
        const path = ctx.session.resolvePath(target);
        const directory = type === 'directory' || type === 'container';
        if (type === 'symboliclink' || type === 'hardlink') {
          newLink(ctx, p, type, path, force);
          continue;
        }
        if (!directory && type !== 'file') {
          ctx.writeError(cmdletError(NEW, `The type is not a known type for the file system. Only "file","directory","symboliclink","junction","hardlink" can be specified.`,
            'Argument', 'InvalidArgument', type, 'System.ArgumentException'));
          continue;
        }
        const exists = ctx.host.fs.exists(path);
        if (directory && exists && isDirectory(ctx, path)) {
          if (force) ctx.writeObject(itemInfo(ctx.host, path));
          else ctx.writeError(cmdletError(NEW, `An item with the specified name ${path} already exists.`, 'DirectoryExist', 'ResourceExists', path, 'System.IO.IOException'));
          continue;
        }
        if (!directory && exists && !force) {
          ctx.writeError(cmdletError(NEW, `The file '${path}' already exists.`, 'NewItemIOError', 'WriteError', path, 'System.IO.IOException'));
          continue;
        }
        if (!shouldProcess(ctx, p, `Destination: ${path}`, directory ? 'Create Directory' : 'Create File')) continue;
        const parent = parentPath(path);
        try {
          if (parent !== '' && !ctx.host.fs.exists(parent)) {
            if (!force) {
              ctx.writeError(cmdletError(NEW, `Could not find a part of the path '${path}'.`, 'NewItemIOError', 'WriteError', path, 'System.IO.DirectoryNotFoundException'));
              continue;
            }
            ctx.host.fs.makeDir(parent, true);
          }
          if (directory) ctx.host.fs.makeDir(path, true);
          else ctx.host.fs.writeText(path, p.Value === undefined || p.Value === null ? '' : toStr(p.Value), false);
        } catch (e) {
          writeIoError(ctx, NEW, e, path, 'NewItemIOError');
          continue;
        }
        ctx.writeObject(itemInfo(ctx.host, path));
      }
    },
  }),
};

/** New-Item -ItemType SymbolicLink|HardLink -Target: a symbolic link may dangle, a hard link needs its target. */
function newLink(ctx: CmdletContext, p: BoundParameters, type: 'symboliclink' | 'hardlink', path: string, force: boolean): void {
  const value = p.Value;
  const written = value === undefined || value === null ? '' : toStr(value);
  if (written === '') {
    ctx.writeError(cmdletError(NEW, 'Value cannot be null. (Parameter \'value\')', 'ArgumentNull', 'InvalidArgument', path, 'System.ArgumentNullException'));
    return;
  }
  const target = ctx.session.resolvePath(written);
  if (type === 'hardlink' && !ctx.host.fs.exists(target)) {
    ctx.writeError(cmdletError(NEW, `Cannot find path '${target}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', target, 'System.Management.Automation.ItemNotFoundException'));
    return;
  }
  if (type === 'hardlink' && isDirectory(ctx, target)) {
    ctx.writeError(cmdletError(NEW, 'This operation is not supported for a directory.', 'ItemNotFile', 'InvalidArgument', target, 'System.InvalidOperationException'));
    return;
  }
  if (!shouldProcess(ctx, p, `Destination: ${path}`, type === 'symboliclink' ? 'Create Symbolic Link' : 'Create Hard Link')) return;
  const link = ctx.host.fs.link;
  if (link === undefined) {
    ctx.writeError(cmdletError(NEW, 'This host does not support links.', 'NotSupported', 'NotImplemented', path, 'System.NotSupportedException'));
    return;
  }
  const exists = ctx.host.fs.exists(path) || linkExists(ctx, path);
  if (exists && !force) {
    ctx.writeError(cmdletError(NEW, `An item with the specified name ${path} already exists.`, 'SymLinkExists', 'ResourceExists', path, 'System.IO.IOException'));
    return;
  }
  try {
    if (exists) ctx.host.fs.remove(path, false);
    // A symbolic link keeps the target as the user wrote it, so a relative link stays relative.
    link.call(ctx.host.fs, type === 'symboliclink' ? 'symbolic' : 'hard', type === 'symboliclink' ? written : target, path);
  } catch (e) {
    writeIoError(ctx, NEW, e, path, 'NewItemIOError');
    return;
  }
  ctx.writeObject(itemInfo(ctx.host, path));
}

function linkExists(ctx: CmdletContext, path: string): boolean {
  try {
    return ctx.host.fs.stat(path).linkTarget !== undefined;
  } catch {
    return false;
  }
}

const REMOVE = 'Remove-Item';

const removeItem: CmdletDefinition = {
  name: REMOVE,
  aliases: ['ri', 'del', 'erase', 'rd'],
  defaultParameterSet: 'Path',
  parameters: [...pathParameters(true), ...filterParameters, { name: 'Recurse', aliases: ['r'], type: 'switch' }, { name: 'Stream', type: 'string[]' },
    ...shouldProcessParameters],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = givenPaths(p);
      const matches = nameFilter(p);
      for (const path of resolveExisting(ctx, REMOVE, paths, literal, flag(p, 'Force'))) {
        if (!matches(leafName(path))) continue;
        const dir = isDirectory(ctx, path);
        if (!shouldProcess(ctx, p, `Item: ${path}`, dir ? 'Remove Directory' : 'Remove File')) continue;
        if (dir && !flag(p, 'Recurse') && ctx.host.fs.readDir(path).length > 0) {
          ctx.writeError(cmdletError(REMOVE,
            `The item at ${path} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`,
            'DirectoryNotEmpty', 'WriteError', path, 'System.IO.IOException'));
          continue;
        }
        try {
          ctx.host.fs.remove(path, dir);
        } catch (e) {
          writeIoError(ctx, REMOVE, e, path, dir ? 'RemoveFileSystemItemIOError' : 'RemoveFileSystemItemUnAuthorizedAccess');
        }
      }
    },
  }),
};

/** Copy-Item and Move-Item: into an existing directory, or to a new name. */
function transfer(name: string, aliases: readonly string[], move: boolean): CmdletDefinition {
  return {
    name,
    aliases,
    defaultParameterSet: 'Path',
    parameters: [
      ...pathParameters(true),
      { name: 'Destination', type: 'string', position: 1, valueFromPipelineByPropertyName: true },
      ...filterParameters,
      { name: 'Recurse', type: 'switch' },
      { name: 'Container', type: 'switch' },
      { name: 'PassThru', type: 'switch' },
      ...shouldProcessParameters,
    ],
    create: (ctx) => ({
      process(p) {
        const { paths, literal } = givenPaths(p);
        const destination = ctx.session.resolvePath(toStr(p.Destination ?? '.'));
        const matches = nameFilter(p);
        for (const source of resolveExisting(ctx, name, paths, literal, flag(p, 'Force'))) {
          if (!matches(leafName(source))) continue;
          const target = isDirectory(ctx, destination) ? joinPath(destination, leafName(source)) : destination;
          const dir = isDirectory(ctx, source);
          if (target === source) {
            ctx.writeError(cmdletError(name, `Cannot overwrite the item ${source} with itself.`, move ? 'MoveItemIOError' : 'CopyError', 'WriteError', source,
              'System.IO.IOException'));
            continue;
          }
          if (ctx.host.fs.exists(target) && !flag(p, 'Force') && (move || dir)) {
            const message = dir && !move ? `An item with the specified name ${target} already exists.` : `Cannot create a file when that file already exists.`;
            ctx.writeError(cmdletError(name, message, move ? 'MoveFileInfoItemIOError' : 'DirectoryExist', 'WriteError', target, 'System.IO.IOException'));
            continue;
          }
          const what = dir ? (move ? 'Move Directory' : 'Copy Directory') : move ? 'Move File' : 'Copy File';
          if (!shouldProcess(ctx, p, `Item: ${source} Destination: ${target}`, what)) continue;
          try {
            if (move) {
              if (ctx.host.fs.exists(target)) ctx.host.fs.remove(target, isDirectory(ctx, target));
              ctx.host.fs.rename(source, target);
            } else if (dir && !flag(p, 'Recurse')) {
              ctx.host.fs.makeDir(target, true);
            } else {
              ctx.host.fs.copy(source, target, dir);
            }
          } catch (e) {
            writeIoError(ctx, name, e, target, move ? 'MoveFileInfoItemIOError' : 'CopyFileInfoItemIOError');
            continue;
          }
          if (flag(p, 'PassThru')) ctx.writeObject(itemInfo(ctx.host, target));
        }
      },
    }),
  };
}

const RENAME = 'Rename-Item';

const renameItem: CmdletDefinition = {
  name: RENAME,
  aliases: ['rni', 'ren'],
  defaultParameterSet: 'ByPath',
  parameters: [
    { name: 'Path', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['ByPath'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['ByLiteralPath'] },
    { name: 'NewName', type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    ...shouldProcessParameters,
  ],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = givenPaths(p);
      const newName = toStr(p.NewName);
      for (const source of resolveExisting(ctx, RENAME, paths, literal)) {
        if (newName.includes('/')) {
          ctx.writeError(cmdletError(RENAME, 'Cannot rename the specified target, because it represents a path or device name.', 'Argument',
            'InvalidArgument', newName, 'System.Management.Automation.PSArgumentException'));
          continue;
        }
        const target = joinPath(parentPath(source) || '/', newName);
        if (ctx.host.fs.exists(target)) {
          ctx.writeError(cmdletError(RENAME, 'Cannot create a file when that file already exists.', 'RenameItemIOError', 'WriteError', source,
            'System.IO.IOException'));
          continue;
        }
        if (!shouldProcess(ctx, p, `Item: ${source} Destination: ${target}`, isDirectory(ctx, source) ? 'Rename Directory' : 'Rename File')) continue;
        try {
          ctx.host.fs.rename(source, target);
        } catch (e) {
          writeIoError(ctx, RENAME, e, source, 'RenameItemIOError');
          continue;
        }
        if (flag(p, 'PassThru')) ctx.writeObject(itemInfo(ctx.host, target));
      }
    },
  }),
};

export const itemCommands: readonly CmdletDefinition[] = [
  getChildItem,
  getItem,
  testPath,
  newItem,
  removeItem,
  transfer('Copy-Item', ['cpi', 'copy'], false),
  transfer('Move-Item', ['mi', 'move'], true),
  renameItem,
];
