// Tab completion for the REPL: commands at the start of a pipeline element, parameters after a
// dash, variables after `$`, and file system paths everywhere else.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CompletionSource {
  commandNames(): readonly string[];
  parameterNames(command: string): readonly string[];
  variableNames(): readonly string[];
  readonly location: string;
}

export interface Completion {
  readonly items: string[];
  /** The word being completed (readline replaces it with the chosen item). */
  readonly word: string;
}

function byPrefix(names: Iterable<string>, prefix: string, decorate: (n: string) => string): string[] {
  const p = prefix.toLowerCase();
  const out = new Set<string>();
  for (const n of names) if (n.toLowerCase().startsWith(p)) out.add(decorate(n));
  return [...out].sort((a, b) => a.localeCompare(b));
}

function completePath(word: string, location: string): string[] {
  const unquoted = word.replace(/^['"]/, '');
  const home = process.env.HOME ?? '';
  const expanded = unquoted.startsWith('~') ? home + unquoted.slice(1) : unquoted;
  const dirPart = expanded.endsWith('/') ? expanded : path.dirname(expanded);
  const base = expanded.endsWith('/') ? '' : path.basename(expanded);
  const shownDir = unquoted.endsWith('/') ? unquoted : unquoted.includes('/') ? unquoted.slice(0, unquoted.lastIndexOf('/') + 1) : '';
  const dir = path.resolve(location, dirPart || '.');
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.toLowerCase().startsWith(base.toLowerCase()))
    .map((e) => {
      const full = shownDir + e.name + (e.isDirectory() ? '/' : '');
      return /\s/.test(full) ? `'${full}'` : full;
    })
    .sort();
}

export function complete(line: string, source: CompletionSource): Completion {
  const word = /[^\s|;(){}]*$/.exec(line)?.[0] ?? '';
  const before = line.slice(0, line.length - word.length);
  if (word.startsWith('$')) {
    const scoped = /^\$(\w+:)?/.exec(word)?.[1] ?? '';
    return { word, items: byPrefix(source.variableNames(), word.slice(1 + scoped.length), (n) => `$${scoped}${n}`) };
  }
  const elementStart = /(^|[|;({=]|&&|\|\|)\s*$/.test(before);
  if (elementStart && !word.includes('/') && !word.startsWith('.')) {
    return { word, items: byPrefix(source.commandNames(), word, (n) => n) };
  }
  if (word.startsWith('-')) {
    const command = /(?:^|[|;({])\s*([\w-]+)[^|;({]*$/.exec(before)?.[1];
    if (command) return { word, items: byPrefix(source.parameterNames(command), word.slice(1), (n) => `-${n}`) };
  }
  return { word, items: completePath(word, source.location) };
}
