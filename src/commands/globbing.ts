// Path resolution for the file cmdlets: PowerShell paths (relative, `~`, wildcards) to provider
// paths, through the session (resolvePath) and the host's file system only.

import type { CmdletContext } from '../runtime/cmdlet.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { pathNotFound } from './common.js';

export const PROVIDER_PREFIX = 'Microsoft.PowerShell.Core\\FileSystem::';

/** Piped items bind their PSPath (`Microsoft.PowerShell.Core\\FileSystem::/x`); the provider part is dropped. */
export function withoutProvider(path: string): string {
  return path.startsWith(PROVIDER_PREFIX) ? path.slice(PROVIDER_PREFIX.length) : path;
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') && path.length > 1 ? '/' : '') : path.slice(0, i);
}

export function leafName(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Removes wildcard escapes (`` `[ ``) from a literal segment. */
function unescape(segment: string): string {
  return segment.replace(/`(.)/g, '$1');
}

/** Every existing path a wildcard pattern (already made absolute) names, sorted per directory. */
export function glob(ctx: CmdletContext, absolute: string, includeHidden = false): string[] {
  const segments = absolute.split('/').filter((s) => s.length > 0);
  let current = ['/'];
  for (const segment of segments) {
    const next: string[] = [];
    if (!isWildcard(segment)) {
      for (const dir of current) {
        const p = joinPath(dir, unescape(segment));
        if (ctx.host.fs.exists(p)) next.push(p);
      }
    } else {
      const re = wildcardToRegExp(segment);
      for (const dir of current) {
        let names: string[];
        try {
          if (!ctx.host.fs.stat(dir).isDirectory) continue;
          names = ctx.host.fs.readDir(dir);
        } catch {
          continue;
        }
        for (const name of [...names].sort(ordinal)) {
          if (!includeHidden && name.startsWith('.') && !segment.startsWith('.')) continue;
          if (re.test(name)) next.push(joinPath(dir, name));
        }
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export function ordinal(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The existing items `-Path` values name (wildcards expanded) or `-LiteralPath` values name.
 * A path that matches nothing gets PowerShell's PathNotFound error, written as non-terminating.
 */
export function resolveExisting(ctx: CmdletContext, cmdletName: string, paths: readonly string[], literal: boolean, includeHidden = false): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const absolute = ctx.session.resolvePath(withoutProvider(p));
    if (!literal && isWildcard(absolute)) {
      const matches = glob(ctx, absolute, includeHidden);
      if (matches.length === 0 && !isWildcard(leafName(p))) ctx.writeError(pathNotFound(cmdletName, absolute));
      out.push(...matches);
      continue;
    }
    const plain = literal ? absolute : unescape(absolute);
    if (ctx.host.fs.exists(plain)) out.push(plain);
    else ctx.writeError(pathNotFound(cmdletName, plain));
  }
  return out;
}

/** A path for writing (Set-Content, New-Item, Out-File): wildcards must match one existing item; otherwise the literal path. */
export function resolveForWrite(ctx: CmdletContext, path: string, literal: boolean): string {
  const absolute = ctx.session.resolvePath(withoutProvider(path));
  if (literal || !isWildcard(absolute)) return literal ? absolute : unescape(absolute);
  const matches = glob(ctx, absolute);
  return matches.length > 0 ? matches[0] : unescape(absolute);
}

export function isDirectory(ctx: CmdletContext, path: string): boolean {
  try {
    return ctx.host.fs.stat(path).isDirectory;
  } catch {
    return false;
  }
}
