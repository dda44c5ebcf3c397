// Get-Location, Set-Location (with `cd -` / `cd +` history) and the Push/Pop-Location stacks.
// Location history and stacks belong to the runspace, so they are kept per session object.

import type { CmdletContext, CmdletDefinition, SessionStateAccess } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { PathInfo } from '../runtime/path-info.js';
import { flag, opt, pathNotFound } from './common.js';
import { isDirectory, resolveExisting } from './globbing.js';

interface LocationState {
  readonly back: string[];
  readonly forward: string[];
  readonly stacks: Map<string, string[]>;
}

const states = new WeakMap<SessionStateAccess, LocationState>();

function stateOf(session: SessionStateAccess): LocationState {
  let s = states.get(session);
  if (!s) states.set(session, (s = { back: [], forward: [], stacks: new Map() }));
  return s;
}

/** Moves to a path; false (with PathNotFound written) when it is not an existing directory. */
function moveTo(ctx: CmdletContext, cmdletName: string, path: string, literal: boolean): boolean {
  const found = resolveExisting(ctx, cmdletName, [path], literal);
  if (found.length === 0) return false;
  if (!isDirectory(ctx, found[0])) {
    ctx.writeError(pathNotFound(cmdletName, found[0]));
    return false;
  }
  ctx.session.setLocation(found[0]);
  return true;
}

const getLocation: CmdletDefinition = {
  name: 'Get-Location',
  aliases: ['gl', 'pwd'],
  parameters: [
    { name: 'PSProvider', type: 'string[]' },
    { name: 'PSDrive', type: 'string[]' },
    { name: 'Stack', type: 'switch' },
    { name: 'StackName', type: 'string[]' },
  ],
  create: (ctx) => ({
    end(p) {
      if (flag(p, 'Stack') || p.StackName !== undefined) {
        const stack = stateOf(ctx.session).stacks.get(toStr(p.StackName ?? 'default').toLowerCase()) ?? [];
        for (const path of [...stack].reverse()) ctx.writeObject(new PathInfo(path));
        return;
      }
      ctx.writeObject(new PathInfo(ctx.session.location));
    },
  }),
};

const SET = 'Set-Location';

const setLocation: CmdletDefinition = {
  name: SET,
  aliases: ['cd', 'sl', 'chdir'],
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const state = stateOf(ctx.session);
      const before = ctx.session.location;
      const literal = p.LiteralPath !== undefined;
      const target = literal ? toStr(p.LiteralPath) : opt<string>(p, 'Path') ?? '~';
      if (!literal && (target === '-' || target === '+')) {
        const from = target === '-' ? state.back : state.forward;
        const to = target === '-' ? state.forward : state.back;
        const destination = from.pop();
        if (destination === undefined) return;
        to.push(before);
        ctx.session.setLocation(destination);
      } else {
        if (!moveTo(ctx, SET, target, literal)) return;
        state.back.push(before);
        state.forward.length = 0;
      }
      if (flag(p, 'PassThru')) ctx.writeObject(new PathInfo(ctx.session.location));
    },
  }),
};

const pushLocation: CmdletDefinition = {
  name: 'Push-Location',
  aliases: ['pushd'],
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string', valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const stacks = stateOf(ctx.session).stacks;
      const key = toStr(p.StackName ?? 'default').toLowerCase();
      const before = ctx.session.location;
      const literal = p.LiteralPath !== undefined;
      const target = literal ? toStr(p.LiteralPath) : opt<string>(p, 'Path');
      if (target !== null && !moveTo(ctx, 'Push-Location', target, literal)) return;
      let stack = stacks.get(key);
      if (!stack) stacks.set(key, (stack = []));
      stack.push(before);
      if (flag(p, 'PassThru')) ctx.writeObject(new PathInfo(ctx.session.location));
    },
  }),
};

const popLocation: CmdletDefinition = {
  name: 'Pop-Location',
  aliases: ['popd'],
  parameters: [
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string' },
  ],
  create: (ctx) => ({
    end(p) {
      const stack = stateOf(ctx.session).stacks.get(toStr(p.StackName ?? 'default').toLowerCase());
      const path = stack?.pop();
      if (path === undefined) return;
      ctx.session.setLocation(path);
      if (flag(p, 'PassThru')) ctx.writeObject(new PathInfo(path));
    },
  }),
};

export const locationCommands: readonly CmdletDefinition[] = [getLocation, setLocation, pushLocation, popLocation];
