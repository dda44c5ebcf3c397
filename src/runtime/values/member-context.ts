// What member access needs from the runspace that is running: the Host (clock, environment,
// machine name for `[datetime]::Now`, `[Environment]::UserName`) and a way to run script
// blocks (`.ForEach({})`, `.Where({})`, `-replace` with a script block). The evaluator sets it
// when it starts running a pipeline and restores the previous one afterwards.

import type { Host } from '../host.js';
import type { ScriptBlock } from '../values.js';

export interface MemberContext {
  readonly host: Host | null;
  /** Runs a script block with `$_` set (and `$args`), returning its output objects. */
  invokeScriptBlock(block: ScriptBlock, dollarUnder: unknown, args: readonly unknown[]): unknown[];
  /** The runspace's view of an environment variable ($env: changes included); null when unset. */
  getEnvironmentVariable(name: string): string | null;
  /** Namespaces from `using namespace` statements, for type names given without theirs. */
  readonly usingNamespaces: readonly string[];
}

let current: MemberContext | null = null;

/** Installs the context for the running pipeline; returns the previous one so callers can restore it. */
export function setMemberContext(context: MemberContext | null): MemberContext | null {
  const previous = current;
  current = context;
  return previous;
}

export function memberContext(): MemberContext | null {
  return current;
}
