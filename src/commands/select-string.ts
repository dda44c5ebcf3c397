// Select-String: regex (or -SimpleMatch) search over piped strings or files, producing MatchInfo
// objects whose string form is `text` for piped input and `path:line:text` for files.

import type { BoundParameters, CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { compileRegex, PSMatch, regexEscape, type CompiledRegex } from '../runtime/values/regex.js';
import { DotNetObject } from '../runtime/values.js';
import { cmdletError, flag, strings, writeIoError } from './common.js';
import { splitTextLines } from './content.js';
import { FileSystemInfo } from './file-info.js';
import { isDirectory, resolveExisting } from './globbing.js';
import { relativePath } from './path.js';

const NAME = 'Select-String';

/** Microsoft.PowerShell.Commands.MatchInfoContext: the lines around a match (-Context). */
export class MatchInfoContext extends DotNetObject {
  constructor(
    readonly PreContext: string[],
    readonly PostContext: string[],
  ) {
    super();
  }
  get DisplayPreContext(): string[] { return this.PreContext; }
  get DisplayPostContext(): string[] { return this.PostContext; }
  get psTypeNames(): readonly string[] { return ['Microsoft.PowerShell.Commands.MatchInfoContext', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['PreContext', 'PostContext', 'DisplayPreContext', 'DisplayPostContext']; }
  toString(): string { return 'Microsoft.PowerShell.Commands.MatchInfoContext'; }
}

export class MatchInfo extends DotNetObject {
  Context: MatchInfoContext | null = null;
  constructor(
    readonly Line: string,
    readonly LineNumber: number,
    readonly Path: string,
    readonly Pattern: string,
    readonly Matches: PSMatch[],
    readonly IgnoreCase: boolean,
    /** Where the path is shown relative to, or null for piped input. */
    private readonly base: string | null,
  ) {
    super();
  }
  get Filename(): string { return this.base === null ? 'InputStream' : this.Path.slice(this.Path.lastIndexOf('/') + 1); }
  get psTypeNames(): readonly string[] { return ['Microsoft.PowerShell.Commands.MatchInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['IgnoreCase', 'LineNumber', 'Line', 'Filename', 'Path', 'Pattern', 'Context', 'Matches']; }
  private prefix(lineNumber: number): string {
    if (this.base === null) return '';
    const shown = this.Path.startsWith(this.base + '/') ? relativePath(this.base, this.Path).replace(/^\.\//, '') : this.Path;
    return `${shown}:${lineNumber}:`;
  }
  toString(): string {
    if (this.Context === null) return this.prefix(this.LineNumber) + this.Line;
    const pre = this.Context.PreContext.map((l, i) => '  ' + this.prefix(this.LineNumber - this.Context!.PreContext.length + i) + l);
    const post = this.Context.PostContext.map((l, i) => '  ' + this.prefix(this.LineNumber + 1 + i) + l);
    return [...pre, '> ' + this.prefix(this.LineNumber) + this.Line, ...post].join('\n');
  }
}

interface Search {
  readonly patterns: readonly { text: string; re: CompiledRegex }[];
  readonly p: BoundParameters;
  readonly before: number;
  readonly after: number;
}

function makeSearch(ctx: CmdletContext, p: BoundParameters): Search {
  const flags = (flag(p, 'CaseSensitive') ? '' : 'i') + 'gd';
  const patterns = strings(p, 'Pattern').map((text) => {
    try {
      return { text, re: compileRegex(flag(p, 'SimpleMatch') ? regexEscape(text) : text, flags) };
    } catch (e) {
      return ctx.throwTerminatingError(cmdletError(NAME, `The string ${text} is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`,
        'InvalidRegex', 'InvalidArgument', text, 'System.ArgumentException'));
    }
  });
  const context = Array.isArray(p.Context) ? p.Context.map(Number) : p.Context === undefined ? [] : [Number(p.Context)];
  return { patterns, p, before: context[0] ?? 0, after: context[1] ?? context[0] ?? 0 };
}

/** The matches of the first pattern that matches a line (all of them with -AllMatches). */
function matchLine(s: Search, line: string): { pattern: string; matches: PSMatch[] } | null {
  for (const { text, re } of s.patterns) {
    re.regex.lastIndex = 0;
    const first = re.regex.exec(line);
    if (first === null) continue;
    const matches = [PSMatch.fromExec(first, re)];
    if (flag(s.p, 'AllMatches')) {
      for (let m = re.regex.exec(line); m !== null; m = re.regex.exec(line)) {
        if (m[0].length === 0) re.regex.lastIndex++;
        matches.push(PSMatch.fromExec(m, re));
      }
    }
    return { pattern: text, matches };
  }
  return null;
}

/** Searches lines numbered from `first`; -List and -Quiet stop at the first hit. */
function searchLines(ctx: CmdletContext, s: Search, lines: readonly string[], path: string, base: string | null, state: { any: boolean }, first = 1): void {
  const notMatch = flag(s.p, 'NotMatch');
  for (let i = 0; i < lines.length; i++) {
    const hit = matchLine(s, lines[i]);
    if ((hit !== null) === notMatch) continue;
    state.any = true;
    if (flag(s.p, 'Quiet')) return;
    if (flag(s.p, 'Raw')) {
      ctx.writeObject(lines[i]);
    } else {
      const info = new MatchInfo(lines[i], i + first, path, hit?.pattern ?? s.patterns[0]?.text ?? '', hit?.matches ?? [], !flag(s.p, 'CaseSensitive'), base);
      if (s.before > 0 || s.after > 0) info.Context = new MatchInfoContext(lines.slice(Math.max(0, i - s.before), i), lines.slice(i + 1, i + 1 + s.after));
      ctx.writeObject(info);
    }
    if (flag(s.p, 'List')) return;
  }
}

function searchFile(ctx: CmdletContext, s: Search, path: string, state: { any: boolean }): void {
  if (isDirectory(ctx, path)) return;
  let text: string;
  try {
    text = ctx.host.fs.readText(path);
  } catch (e) {
    writeIoError(ctx, NAME, e, path, 'ProcessingFile', 'ReadError');
    return;
  }
  searchLines(ctx, s, splitTextLines(text), path, ctx.session.location, state);
}

export const selectString: CmdletDefinition = {
  name: NAME,
  aliases: ['sls'],
  parameters: [
    // One parameter set: piped objects, -Path and -LiteralPath are told apart when processing.
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Pattern', type: 'string[]', position: 0, mandatory: true },
    { name: 'Path', type: 'string[]', position: 1 },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]' },
    { name: 'SimpleMatch', type: 'switch' },
    { name: 'CaseSensitive', type: 'switch' },
    { name: 'Quiet', type: 'switch' },
    { name: 'List', type: 'switch' },
    { name: 'NoEmphasis', type: 'switch' },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'NotMatch', type: 'switch' },
    { name: 'AllMatches', type: 'switch' },
    { name: 'Encoding', type: 'string' },
    { name: 'Context', type: 'int[]' },
    { name: 'Raw', type: 'switch' },
    { name: 'Culture', type: 'string' },
  ],
  create: (ctx) => {
    let search: Search | null = null;
    const state = { any: false };
    // Piped strings are numbered as one stream; with -Context they are searched together at the end.
    const piped: string[] = [];
    let inputNumber = 0;
    const withContext = (x: Search): boolean => x.before > 0 || x.after > 0;
    return {
      process(p) {
        search ??= makeSearch(ctx, p);
        if (flag(p, 'Quiet') && state.any) return;
        const input = p.InputObject;
        if (input instanceof FileSystemInfo) {
          searchFile(ctx, search, input.FullName, state);
          return;
        }
        if (input !== undefined) {
          if (input === null) return;
          inputNumber++;
          if (withContext(search)) piped.push(toStr(input));
          else searchLines(ctx, search, [toStr(input)], 'InputStream', null, state, inputNumber);
          return;
        }
        const literal = p.LiteralPath !== undefined;
        const paths = strings(p, literal ? 'LiteralPath' : 'Path');
        for (const path of resolveExisting(ctx, NAME, paths, literal)) searchFile(ctx, search, path, state);
      },
      end(p) {
        if (search !== null && withContext(search) && piped.length > 0) searchLines(ctx, search, piped, 'InputStream', null, state);
        if (flag(p, 'Quiet') && state.any) ctx.writeObject(true);
      },
    };
  },
};
