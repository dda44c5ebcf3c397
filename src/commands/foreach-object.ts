// ForEach-Object: begin/process/end script blocks run in the caller's scope (so `$sum += $_`
// accumulates), or the `% Name` form that reads a property or calls a method on each object.

import type { BoundParameters, CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { RuntimeError } from '../runtime/exceptions.js';
import { getMember, invokeMethod } from '../runtime/members.js';
import { getProperty } from '../runtime/properties.js';
import { ScriptBlock } from '../runtime/values.js';
import { items } from './common.js';

interface Blocks {
  readonly begin: ScriptBlock | null;
  readonly process: readonly ScriptBlock[];
  readonly end: ScriptBlock | null;
}

/** Positional blocks: one is -Process; two are begin and process; more are begin, process..., end. */
function blocks(p: BoundParameters, positional: readonly ScriptBlock[]): Blocks {
  const begin = p.Begin instanceof ScriptBlock ? p.Begin : null;
  const end = p.End instanceof ScriptBlock ? p.End : null;
  if (begin !== null || positional.length < 2) return { begin, process: positional, end };
  if (positional.length === 2) return { begin: positional[0], process: [positional[1]], end };
  return { begin: positional[0], process: positional.slice(1, -1), end: end ?? positional[positional.length - 1] };
}

function runBlock(ctx: CmdletContext, block: ScriptBlock | null, input: unknown, args: readonly unknown[]): void {
  if (block === null) return;
  ctx.session.invoke(block, { dollarUnder: input, dotSource: true, args }, (v) => ctx.writeObject(v));
}

/** `% Name`: a property's value (unrolled), or the result of a method when the name is one. */
function memberOf(ctx: CmdletContext, input: unknown, name: string, args: readonly unknown[]): void {
  if (input === null) return;
  const prop = getProperty(input, name);
  if (prop.found && args.length === 0) {
    ctx.writeObject(prop.value, true);
    return;
  }
  try {
    ctx.writeObject(invokeMethod(input, name, args), true);
  } catch (e) {
    if (!(e instanceof RuntimeError) || !/MethodNotFound/.test(e.errorRecord.FullyQualifiedErrorId)) throw e;
    const member = getMember(input, name);
    if (member !== null) {
      ctx.writeObject(member, true);
      return;
    }
    ctx.writeError(RuntimeError.create(
      `The input name "${name}" cannot be resolved to a member.`,
      'PropertyOrMethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand', 'InvalidArgument',
      'System.Management.Automation.PSArgumentException', input).errorRecord);
  }
}

export const forEachObject: CmdletDefinition = {
  name: 'ForEach-Object',
  aliases: ['%', 'foreach'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Begin', type: 'scriptblock' },
    { name: 'Process', type: 'object[]', position: 0, valueFromRemainingArguments: true },
    { name: 'End', type: 'scriptblock' },
    { name: 'MemberName', type: 'string' },
    { name: 'ArgumentList', aliases: ['Args'], type: 'object[]' },
    { name: 'RemainingScripts', type: 'scriptblock[]' },
  ],
  create: (ctx) => {
    let plan: Blocks | null = null;
    let memberName: string | null = null;
    let memberArgs: unknown[] = [];
    const args = (p: BoundParameters): unknown[] => items(p, 'ArgumentList');
    return {
      begin(p) {
        const positional = items(p, 'Process');
        if (p.MemberName !== undefined || (positional.length > 0 && !(positional[0] instanceof ScriptBlock))) {
          memberName = p.MemberName !== undefined ? toStr(p.MemberName) : toStr(positional[0]);
          memberArgs = p.MemberName !== undefined ? args(p) : [...positional.slice(1), ...args(p)];
          return;
        }
        const scripts = [...positional, ...items(p, 'RemainingScripts')].filter((b): b is ScriptBlock => b instanceof ScriptBlock);
        plan = blocks(p, scripts);
        runBlock(ctx, plan.begin, null, args(p));
      },
      process(p) {
        if (memberName !== null) {
          if (p.InputObject !== undefined) memberOf(ctx, p.InputObject, memberName, memberArgs);
          return;
        }
        if (plan === null) return;
        const input = p.InputObject === undefined ? null : p.InputObject;
        for (const block of plan.process) runBlock(ctx, block, input, args(p));
      },
      end(p) {
        if (plan !== null) runBlock(ctx, plan.end, null, args(p));
      },
    };
  },
};
