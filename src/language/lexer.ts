// Hand-written PowerShell tokenizer feeding the Chevrotain parser. PowerShell scans the same
// characters differently in command mode (`Get-Job -Name Job1 c:\logs\x.txt`: bare words,
// parameters, paths) and expression mode (`$a -eq 3 + 4`), and the mode depends on where a
// statement or pipeline element starts; this lexer tracks that with a mode and a stack of open
// brackets, so the grammar sees unambiguous token types.
import type { IToken, TokenType } from 'chevrotain';
import type { StringQuoteKind } from './ast.js';
import type { ParseErrorSink } from './errors.js';
import * as T from './tokens.js';

export interface PshToken extends IToken {
  /** Decoded meaning of the token (string value, number, variable name ...); see the payload types below. */
  readonly payload: unknown;
}

export interface VariablePayload { readonly scope: string | null; readonly name: string }
export interface NumberPayload { readonly value: number; readonly numberType: 'int' | 'long' | 'double' | 'decimal' }
export interface StringPayload { readonly value: string; readonly quote: StringQuoteKind }
export interface ParameterPayload { readonly name: string; readonly colon: boolean }
export interface RedirectPayload { readonly stream: '1' | '2' | '3' | '4' | '5' | '6' | '*'; readonly append: boolean }

// Lexer modes. START is the beginning of a statement (keywords and labels allowed), PIPE_START
// a pipeline element after `|`, `&&` or `||`; both decide between command and expression mode.
const enum Mode {
  START,
  PIPE_START,
  COMMAND,
  /** Command mode right after an argument operand: `.Prop`, `[0]`, `::M` continue it. */
  COMMAND_POSTFIX,
  OPERAND,
  OPERATOR,
  /** After `if`, `while`, `foreach`, `for`, `until`, `param`, a function name: `(` comes next. */
  KW_HEADER,
  /** After `else`, `try`, `do`, a keyword's `(...)`: `{` comes next (newlines allowed). */
  KW_BODY,
  FUNC_NAME,
  SWITCH_HEADER,
  SWITCH_PATTERN,
  TYPE_HEADER,
  MEMBER,
}

const enum Frame {
  PAREN,
  SUBEXPR,
  BLOCK,
  HASH,
  INDEX,
  CALL,
  ATTR,
  PARAMS,
  SWITCH,
  TYPE,
  STRING,
}

interface OpenFrame {
  readonly kind: Frame;
  /** Mode after the closing bracket. */
  readonly resume: Mode;
  /** Mode after a statement separator inside the frame. */
  readonly defaultMode: Mode;
  /** Keywords that may follow the closing `}` on a later line (`else`, `catch`, `while` ...). */
  readonly continuation: readonly string[] | null;
  /** For STRING frames: the quote kind; `bare` is a command word with a `$(...)` in it. */
  readonly quote: 'double' | 'doubleHere' | 'bare' | null;
}

const LOGICAL = ['and', 'or', 'xor'];
const BITWISE = ['band', 'bor', 'bxor', 'shl', 'shr'];
const CASEABLE = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'replace', 'contains', 'notcontains', 'in', 'notin', 'split'];
const COMPARISON_PLAIN = ['is', 'isnot', 'as', 'join'];

/** Binary dash operators by lower-cased name (without the dash). */
const binaryDashOps = new Map<string, TokenType>();
for (const op of LOGICAL) binaryDashOps.set(op, T.LogicalDashOp);
for (const op of BITWISE) binaryDashOps.set(op, T.BitwiseDashOp);
for (const op of CASEABLE) for (const p of ['', 'i', 'c']) binaryDashOps.set(p + op, T.ComparisonDashOp);
for (const op of COMPARISON_PLAIN) binaryDashOps.set(op, T.ComparisonDashOp);
binaryDashOps.set('f', T.FormatOp);

const unaryDashOps = new Set(['not', 'bnot', 'split', 'isplit', 'csplit', 'join']);

const keywords = new Map<string, TokenType>([
  ['if', T.If], ['elseif', T.ElseIf], ['else', T.Else], ['switch', T.Switch], ['foreach', T.Foreach],
  ['for', T.For], ['while', T.While], ['do', T.Do], ['until', T.Until], ['function', T.Function],
  ['filter', T.Function], ['workflow', T.Function], ['return', T.Return], ['exit', T.Exit], ['throw', T.Throw],
  ['break', T.Break], ['continue', T.Continue], ['try', T.Try], ['catch', T.Catch], ['finally', T.Finally],
  ['trap', T.Trap], ['class', T.Class], ['enum', T.Enum], ['param', T.Param], ['begin', T.NamedBlockKeyword],
  ['process', T.NamedBlockKeyword], ['end', T.NamedBlockKeyword], ['dynamicparam', T.NamedBlockKeyword],
  ['clean', T.NamedBlockKeyword], ['using', T.Using],
]);

/** Keywords that may follow a closing `}` of the keyword's block, across newlines. */
const continuations: Record<string, readonly string[]> = {
  if: ['elseif', 'else'], elseif: ['elseif', 'else'], try: ['catch', 'finally'], catch: ['catch', 'finally'], do: ['while', 'until'],
};

const multipliers: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

/** En dash, em dash and horizontal bar work as `-` (scripts pasted from documents have them). */
function dash(c: number): number {
  return c === 0x2013 || c === 0x2014 || c === 0x2015 ? 45 : c;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}
/** Characters of a simple identifier: member names, hashtable keys, class members. */
function isIdentChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}
/** Characters of an unbraced variable name (PowerShell allows `?` in them). */
function isVarChar(c: number): boolean {
  return isIdentChar(c) || c === 63;
}
/** Characters that end a bare word in command mode. */
function endsWord(c: number): boolean {
  return Number.isNaN(c) || isSpace(c) || c === 10 || c === 13 || c === 59 || c === 44 || c === 124 || c === 38
    || c === 40 || c === 41 || c === 123 || c === 125 || c === 62 || c === 60;
}

const escapes: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The character a backtick escape at `text[i]` (the char after the backtick) stands for, and its length. */
function decodeEscape(text: string, i: number): [string, number] {
  const ch = text[i];
  if (ch === undefined) return ['', 0];
  const mapped = escapes[ch];
  if (mapped !== undefined) return [mapped, 1];
  if (ch === 'u' && text[i + 1] === '{') {
    const close = text.indexOf('}', i + 2);
    const hex = close === -1 ? '' : text.slice(i + 2, close);
    if (/^[0-9a-fA-F]{1,6}$/.test(hex)) return [String.fromCodePoint(parseInt(hex, 16)), close - i + 1];
  }
  if (ch === '\r' && text[i + 1] === '\n') return ['\r\n', 2];
  return [ch, 1];
}

/** Parses a PowerShell number literal occupying all of `s`, or returns null. */
export function parseNumber(s: string): NumberPayload | null {
  const m = /^([+-]?)(?:0x([0-9a-f]+)|(\d+(?:\.\d*)?|\.\d+)(e[+-]?\d+)?)(l|d)?(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (m === null) return null;
  const negative = m[1] === '-';
  const suffix = m[5]?.toLowerCase();
  const multiplier = m[6] ? multipliers[m[6].toLowerCase()]! : 1;
  let value: number;
  let numberType: NumberPayload['numberType'];
  if (m[2] !== undefined) {
    value = parseInt(m[2], 16);
    // Hex literals that fit in 32 bits are Int32 with wrap-around: 0xFFFFFFFF is -1.
    if (suffix !== 'l' && value <= 0xffffffff) value = value | 0;
    numberType = suffix === 'l' || value > 0xffffffff ? 'long' : 'int';
    if (suffix === 'd') return null;
  } else {
    value = Number(m[3]);
    const real = m[3]!.includes('.') || m[4] !== undefined;
    if (m[4] !== undefined) value = Number(m[3]! + m[4]);
    if (suffix === 'd') numberType = 'decimal';
    else if (real) numberType = 'double';
    else if (suffix === 'l') numberType = 'long';
    else numberType = 'int';
  }
  value *= multiplier;
  if (negative) value = -value;
  if (numberType === 'int' && (value > 2147483647 || value < -2147483648)) numberType = Number.isSafeInteger(value) || Math.abs(value) < 9.3e18 ? 'long' : 'double';
  if (numberType === 'long' && Math.abs(value) >= 9.3e18) numberType = 'double';
  return { value, numberType };
}

export class PshLexer {
  private pos = 0;
  private mode = Mode.START;
  private readonly frames: OpenFrame[] = [];
  private readonly tokens: PshToken[] = [];
  /** Set after tokens that cannot end a statement (`|`, binary operators, `,`, `=`): newlines are skipped. */
  private skipNewlines = false;
  private spaceBefore = false;
  /** The keyword whose header or body is being scanned, to decide paren kinds and continuations. */
  private keyword = '';
  private pendingContinuation: readonly string[] | null = null;
  /** Continuations of the block frame closed last: tells `do {} while (...)` from a while loop. */
  private lastClosedContinuation: readonly string[] | null = null;
  /** The `while`/`until` being scanned ends a do loop: after its `)` the statement is over. */
  private doCondition = false;
  private lastWasMemberName = false;
  private readonly len: number;

  constructor(private readonly text: string, private readonly errors: ParseErrorSink) {
    this.len = text.length;
  }

  tokenize(): PshToken[] {
    const text = this.text;
    while (true) {
      const frame = this.frames[this.frames.length - 1];
      if (frame !== undefined && frame.kind === Frame.STRING) {
        this.scanStringContent(frame);
        continue;
      }
      this.skipTrivia();
      if (this.pos >= this.len) break;
      const c = text.charCodeAt(this.pos);
      if (c === 10 || c === 13) {
        this.newline();
        continue;
      }
      switch (this.mode) {
        case Mode.START:
        case Mode.PIPE_START:
          this.scanStart();
          break;
        case Mode.COMMAND:
          this.scanCommand();
          break;
        case Mode.COMMAND_POSTFIX:
          if (this.spaceBefore || !this.scanPostfix()) this.scanCommand();
          break;
        case Mode.OPERAND:
          this.scanExpression(true);
          break;
        case Mode.OPERATOR:
          this.scanExpression(false);
          break;
        case Mode.KW_HEADER:
          this.scanKeywordHeader();
          break;
        case Mode.KW_BODY:
          this.scanKeywordBody();
          break;
        case Mode.FUNC_NAME:
          this.scanFunctionName();
          break;
        case Mode.SWITCH_HEADER:
          this.scanSwitchHeader();
          break;
        case Mode.SWITCH_PATTERN:
          this.scanSwitchPattern();
          break;
        case Mode.TYPE_HEADER:
          this.scanTypeHeader();
          break;
        case Mode.MEMBER:
          this.scanMember();
          break;
      }
    }
    return this.tokens;
  }

  // ------------------------------------------------------------ helpers

  private emit(type: TokenType, start: number, end: number, payload: unknown = undefined): PshToken {
    const token: PshToken = {
      image: this.text.slice(start, end),
      startOffset: start,
      endOffset: end - 1,
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
      payload,
    };
    this.tokens.push(token);
    this.pos = end;
    this.skipNewlines = false;
    this.pendingContinuation = null;
    this.lastWasMemberName = false;
    return token;
  }

  /** Emits an operator after which the statement must continue, so newlines are skipped. */
  private emitOp(type: TokenType, start: number, end: number, next: Mode, payload: unknown = undefined): void {
    this.emit(type, start, end, payload);
    this.skipNewlines = true;
    this.mode = next;
  }

  private top(): OpenFrame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private defaultMode(): Mode {
    return this.top()?.defaultMode ?? Mode.START;
  }

  private push(kind: Frame, resume: Mode, defaultMode: Mode, continuation: readonly string[] | null = null): void {
    this.frames.push({ kind, resume, defaultMode, continuation, quote: null });
  }

  private isCommandish(): boolean {
    return this.mode === Mode.COMMAND || this.mode === Mode.COMMAND_POSTFIX;
  }

  private skipTrivia(): void {
    const text = this.text;
    const start = this.pos;
    while (this.pos < this.len) {
      const c = text.charCodeAt(this.pos);
      if (isSpace(c)) this.pos++;
      else if (c === 96 /* ` */ && (text.charCodeAt(this.pos + 1) === 10 || (text.charCodeAt(this.pos + 1) === 13 && text.charCodeAt(this.pos + 2) === 10))) {
        this.pos += text.charCodeAt(this.pos + 1) === 13 ? 3 : 2;
      } else if (c === 96 && this.pos + 1 === this.len) {
        // A backtick at the very end asks for a continuation line.
        this.errors.add('IncompleteLineContinuation', this.pos, this.pos + 1, true);
        this.pos++;
      } else if (c === 35 /* # */) {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl === -1 ? this.len : nl;
        if (text.charCodeAt(this.pos - 1) === 13) this.pos--;
      } else if (c === 60 /* < */ && text.charCodeAt(this.pos + 1) === 35) {
        const close = text.indexOf('#>', this.pos + 2);
        this.pos = close === -1 ? this.len : close + 2;
      } else break;
    }
    this.spaceBefore = this.pos > start || this.pos === 0;
  }

  private newline(): void {
    const text = this.text;
    const start = this.pos;
    const end = this.pos + (text.charCodeAt(this.pos) === 13 && text.charCodeAt(this.pos + 1) === 10 ? 2 : 1);
    const frame = this.top();
    const mode = this.mode;
    if (this.skipNewlines || mode === Mode.KW_HEADER || mode === Mode.KW_BODY || mode === Mode.FUNC_NAME
      || mode === Mode.SWITCH_HEADER || mode === Mode.TYPE_HEADER
      || (frame !== undefined && (frame.kind === Frame.INDEX || frame.kind === Frame.CALL || frame.kind === Frame.ATTR || frame.kind === Frame.PARAMS))) {
      this.pos = end;
      return;
    }
    // Look past blank lines and comments: `}` newline `else` continues the if statement, and a
    // newline just before `)` ends nothing.
    this.pos = end;
    this.skipTriviaAndNewlines();
    const next = this.pos;
    if (text.charCodeAt(next) === 41 /* ) */ && frame !== undefined && frame.kind === Frame.PAREN) return;
    // PowerShell 7 lets a pipeline continue with `|` at the start of the next line.
    if (text.charCodeAt(next) === 124 && text.charCodeAt(next + 1) !== 124 && (mode === Mode.COMMAND || mode === Mode.COMMAND_POSTFIX || mode === Mode.OPERATOR)) return;
    if (this.pendingContinuation !== null) {
      const word = /^[A-Za-z]+/.exec(text.slice(next, next + 10))?.[0]?.toLowerCase();
      if (word !== undefined && this.pendingContinuation.includes(word) && endsWord(text.charCodeAt(next + word.length))) return;
    }
    this.pos = start;
    const last = this.tokens[this.tokens.length - 1];
    if (last !== undefined && last.tokenType === T.Newline) {
      this.pos = end;
    } else {
      this.emit(T.Newline, start, end);
    }
    this.pos = next;
    this.mode = this.defaultMode();
  }

  private skipTriviaAndNewlines(): void {
    while (this.pos < this.len) {
      this.skipTrivia();
      const c = this.text.charCodeAt(this.pos);
      if (c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  // ------------------------------------------------------------ statement start

  private scanStart(): void {
    const text = this.text;
    const p = this.pos;
    const c = dash(text.charCodeAt(p));
    const c1 = dash(text.charCodeAt(p + 1));
    const atStatement = this.mode === Mode.START;
    switch (c) {
      case 36 /* $ */: case 64 /* @ */: case 39 /* ' */: case 34 /* " */: case 40 /* ( */: case 91 /* [ */:
      case 123 /* { */: case 33 /* ! */: case 44 /* , */: case 43 /* + */:
      case 0x2018: case 0x2019: case 0x201c: case 0x201d:
        this.mode = Mode.OPERAND;
        this.scanExpression(true);
        return;
      case 41: case 125: case 59: case 124: case 93:
        this.scanPunctuation(c);
        return;
      case 38 /* & */:
        if (c1 === 38) this.scanPunctuation(c);
        else this.emitOp(T.CallOperator, p, p + 1, Mode.COMMAND);
        return;
      case 58 /* : */:
        if (atStatement && isIdentChar(c1)) {
          let e = p + 1;
          while (e < this.len && isIdentChar(text.charCodeAt(e))) e++;
          this.emit(T.Label, p, e, text.slice(p + 1, e));
          return;
        }
        break;
      case 46 /* . */:
        if (isDigit(c1)) {
          this.mode = Mode.OPERAND;
          this.scanExpression(true);
          return;
        }
        if (Number.isNaN(c1) || isSpace(c1) || c1 === 36 || c1 === 123 || c1 === 39 || c1 === 34 || c1 === 40 || c1 === 38) {
          this.emitOp(T.DotSource, p, p + 1, Mode.COMMAND);
          return;
        }
        break;
      case 45 /* - */: {
        if (isDigit(c1) || (c1 === 46 && isDigit(text.charCodeAt(p + 2))) || c1 === 45 || c1 === 36 || c1 === 40 || isSpace(c1)) {
          if (c1 === 45 && text.charCodeAt(p + 2) === 37) break; // `--%` is not an expression
          this.mode = Mode.OPERAND;
          this.scanExpression(true);
          return;
        }
        const word = this.dashWord(p);
        if (unaryDashOps.has(word)) {
          this.mode = Mode.OPERAND;
          this.scanExpression(true);
          return;
        }
        break;
      }
      default:
        if (isDigit(c)) {
          const e = this.numberEnd(p);
          if (e > p && !isIdentChar(text.charCodeAt(e))) {
            this.mode = Mode.OPERAND;
            this.scanExpression(true);
            return;
          }
        }
    }
    // A command name or a keyword.
    const end = this.wordEnd(p);
    if (atStatement) {
      const kw = keywords.get(text.slice(p, end).toLowerCase());
      if (kw !== undefined) {
        this.keywordToken(kw, p, end);
        return;
      }
    }
    this.mode = Mode.COMMAND;
    this.scanCommandWord(p);
  }

  private keywordToken(kw: TokenType, start: number, end: number): void {
    const word = this.text.slice(start, end).toLowerCase();
    this.emit(kw, start, end);
    this.keyword = word;
    switch (kw) {
      case T.If: case T.ElseIf: case T.While: case T.For: case T.Foreach: case T.Until: case T.Param: {
        const prev = this.tokens[this.tokens.length - 2];
        this.doCondition = (kw === T.While || kw === T.Until) && prev?.tokenType === T.RCurly && this.lastClosedContinuation === continuations.do;
        this.mode = Mode.KW_HEADER;
        break;
      }
      case T.Switch:
        this.mode = Mode.SWITCH_HEADER;
        break;
      case T.Function:
        this.mode = Mode.FUNC_NAME;
        break;
      case T.Class: case T.Enum:
        this.mode = Mode.TYPE_HEADER;
        break;
      case T.Break: case T.Continue: case T.Using:
        this.mode = Mode.COMMAND;
        break;
      case T.Return: case T.Exit: case T.Throw:
        this.mode = Mode.START;
        break;
      default:
        this.mode = Mode.KW_BODY;
    }
  }

  // ------------------------------------------------------------ keyword headers

  private scanKeywordHeader(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 40 /* ( */) {
      const params = this.keyword === 'param' || this.keyword === 'function';
      this.emit(T.LParen, this.pos, this.pos + 1);
      // A param block and a do loop's condition end their statement; other headers are followed by a block.
      const after = this.doCondition || this.keyword === 'param' ? Mode.START : Mode.KW_BODY;
      this.push(params ? Frame.PARAMS : Frame.PAREN, after, params ? Mode.OPERAND : Mode.START);
      this.doCondition = false;
      this.mode = params ? Mode.OPERAND : Mode.START;
      this.skipNewlines = true;
      return;
    }
    this.mode = Mode.KW_BODY;
  }

  private scanKeywordBody(): void {
    const p = this.pos;
    const c = this.text.charCodeAt(p);
    if (c === 123 /* { */) {
      this.emit(T.LCurly, p, p + 1);
      this.push(Frame.BLOCK, Mode.START, Mode.START, continuations[this.keyword] ?? null);
      this.mode = Mode.START;
      return;
    }
    if (c === 91 /* [ */) {
      this.scanTypeLiteral(Mode.KW_BODY);
      return;
    }
    if (c === 44 /* , */) {
      this.emit(T.Comma, p, p + 1);
      return;
    }
    this.mode = Mode.START;
  }

  private scanFunctionName(): void {
    const p = this.pos;
    const end = this.wordEnd(p);
    if (end > p) this.emit(T.BareWord, p, end, this.text.slice(p, end));
    this.keyword = 'function';
    this.mode = Mode.KW_HEADER;
  }

  private scanSwitchHeader(): void {
    const p = this.pos;
    const c = this.text.charCodeAt(p);
    if (c === 40) {
      this.emit(T.LParen, p, p + 1);
      this.push(Frame.PAREN, Mode.SWITCH_HEADER, Mode.START);
      this.mode = Mode.START;
      this.skipNewlines = true;
    } else if (c === 123) {
      this.emit(T.LCurly, p, p + 1);
      this.push(Frame.SWITCH, Mode.START, Mode.SWITCH_PATTERN);
      this.mode = Mode.SWITCH_PATTERN;
    } else if (c === 45 && isLetter(this.text.charCodeAt(p + 1))) {
      this.scanParameter(p);
      this.mode = Mode.SWITCH_HEADER;
    } else {
      this.mode = Mode.COMMAND;
      this.scanCommand();
      this.mode = Mode.SWITCH_HEADER;
    }
  }

  private scanSwitchPattern(): void {
    const p = this.pos;
    const c = this.text.charCodeAt(p);
    if (c === 123) {
      this.emit(T.LCurly, p, p + 1);
      this.push(Frame.BLOCK, Mode.COMMAND_POSTFIX, Mode.START);
      this.mode = Mode.START;
      return;
    }
    const end = this.wordEnd(p);
    if (end - p === 7 && this.text.slice(p, end).toLowerCase() === 'default') {
      this.emit(T.Default, p, end);
      this.mode = Mode.COMMAND;
      return;
    }
    this.mode = Mode.COMMAND;
    this.scanCommand();
  }

  private scanTypeHeader(): void {
    const p = this.pos;
    const c = this.text.charCodeAt(p);
    if (c === 123) {
      this.emit(T.LCurly, p, p + 1);
      this.push(Frame.TYPE, Mode.START, Mode.MEMBER);
      this.mode = Mode.MEMBER;
    } else if (c === 58) this.emit(T.Colon, p, p + 1);
    else if (c === 44) this.emit(T.Comma, p, p + 1);
    else if (isIdentChar(c)) {
      let e = p;
      while (e < this.len && (isIdentChar(this.text.charCodeAt(e)) || this.text.charCodeAt(e) === 46)) e++;
      this.emit(T.Identifier, p, e, this.text.slice(p, e));
    } else {
      this.mode = Mode.START;
    }
  }

  private scanMember(): void {
    const p = this.pos;
    const c = this.text.charCodeAt(p);
    if (c === 40) {
      this.emit(T.LParen, p, p + 1);
      this.push(Frame.PARAMS, Mode.MEMBER, Mode.OPERAND);
      this.mode = Mode.OPERAND;
      this.skipNewlines = true;
    } else if (c === 123) {
      this.emit(T.LCurly, p, p + 1);
      this.push(Frame.BLOCK, Mode.MEMBER, Mode.START);
      this.mode = Mode.START;
    } else if (c === 91) {
      this.scanTypeLiteral(Mode.MEMBER);
    } else if (c === 36) {
      this.scanVariable(p);
      this.mode = Mode.MEMBER;
    } else if (c === 61) {
      this.emitOp(T.Equals, p, p + 1, Mode.START, '=');
    } else if (isIdentChar(c)) {
      let e = p;
      while (e < this.len && isIdentChar(this.text.charCodeAt(e))) e++;
      this.emit(T.Identifier, p, e, this.text.slice(p, e));
    } else {
      this.scanPunctuation(c);
      if (this.mode === Mode.OPERATOR || this.mode === Mode.OPERAND) this.mode = Mode.MEMBER;
    }
  }

  // ------------------------------------------------------------ command mode

  private scanCommand(): void {
    const text = this.text;
    const p = this.pos;
    const c = dash(text.charCodeAt(p));
    const c1 = dash(text.charCodeAt(p + 1));
    switch (c) {
      case 45 /* - */:
        if (c1 === 45 && text.charCodeAt(p + 2) === 37 /* --% */) {
          let e = p + 3;
          // The stop-parsing token lasts until the end of the line or a pipe.
          while (e < this.len && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13 && text.charCodeAt(e) !== 124) e++;
          this.emit(T.VerbatimArgument, p, e, text.slice(p + 3, e).trim());
          return;
        }
        if (isLetter(c1) || c1 === 95 || c1 === 63) {
          this.scanParameter(p);
          return;
        }
        break;
      case 36 /* $ */:
        if (c1 === 40) break;
        if (this.variableEnd(p) > p + 1) {
          const e = this.variableEnd(p);
          const n = text.charCodeAt(e);
          const postfix = endsWord(n) || n === 91 || (n === 46 && isIdentChar(text.charCodeAt(e + 1))) || (n === 58 && text.charCodeAt(e + 1) === 58);
          if (postfix) {
            this.scanVariable(p);
            this.mode = Mode.COMMAND_POSTFIX;
            return;
          }
          this.scanCommandWord(p);
          return;
        }
        break;
      case 64 /* @ */:
        if (c1 === 40 || c1 === 123 || c1 === 34 || c1 === 39) break;
        if (isVarChar(c1)) {
          let e = p + 1;
          while (e < this.len && isVarChar(text.charCodeAt(e))) e++;
          this.emit(T.SplatVariable, p, e, { scope: null, name: text.slice(p + 1, e) } satisfies VariablePayload);
          this.mode = Mode.COMMAND;
          return;
        }
        this.scanCommandWord(p);
        return;
      case 123 /* { */: {
        const inSwitch = this.top()?.kind === Frame.SWITCH;
        this.emit(T.LCurly, p, p + 1);
        this.push(Frame.BLOCK, inSwitch ? Mode.SWITCH_PATTERN : Mode.COMMAND_POSTFIX, Mode.START);
        this.mode = Mode.START;
        return;
      }
      case 44 /* , */:
        this.emitOp(T.Comma, p, p + 1, Mode.COMMAND);
        return;
      case 38: case 124: case 59: case 41: case 125:
        this.scanPunctuation(c);
        return;
      case 60 /* < */:
        this.errors.add('RedirectionNotSupported', p, p + 1, false, '<');
        this.emit(T.Unknown, p, p + 1);
        return;
      case 46 /* . */:
        this.scanCommandWord(p);
        return;
    }
    if (this.scanRedirection(p)) return;
    if (c === 36 || c === 64 || c === 39 || c === 34 || c === 40 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) {
      this.scanOperand(c, p);
      if (this.mode === Mode.OPERATOR) this.mode = Mode.COMMAND_POSTFIX;
      return;
    }
    this.scanCommandWord(p);
  }

  /** `.Name`, `[i]`, `::Name`, `(args)` directly after a command argument; false when none applies. */
  private scanPostfix(): boolean {
    const text = this.text;
    const p = this.pos;
    const c = text.charCodeAt(p);
    if (c === 46 && (isIdentChar(text.charCodeAt(p + 1)) || text.charCodeAt(p + 1) === 36)) {
      this.emit(T.MemberDot, p, p + 1);
      this.scanMemberName();
      return true;
    }
    if (c === 58 && text.charCodeAt(p + 1) === 58) {
      this.emit(T.ColonColon, p, p + 2);
      this.scanMemberName();
      return true;
    }
    if (c === 91) {
      this.emit(T.LBracket, p, p + 1);
      this.push(Frame.INDEX, Mode.COMMAND_POSTFIX, Mode.OPERAND);
      this.mode = Mode.OPERAND;
      this.skipNewlines = true;
      return true;
    }
    if (c === 40 && this.lastWasMemberName) {
      this.emit(T.CallParen, p, p + 1);
      this.push(Frame.CALL, Mode.COMMAND_POSTFIX, Mode.OPERAND);
      this.mode = Mode.OPERAND;
      this.skipNewlines = true;
      return true;
    }
    return false;
  }

  private scanParameter(p: number): void {
    const text = this.text;
    let e = p + 1;
    while (e < this.len) {
      const c = text.charCodeAt(e);
      if (endsWord(c) || c === 58 || c === 46 || c === 91 || c === 34 || c === 39) break;
      e++;
    }
    const name = text.slice(p + 1, e);
    const colon = text.charCodeAt(e) === 58;
    this.emit(T.Parameter, p, colon ? e + 1 : e, { name, colon } satisfies ParameterPayload);
    this.mode = Mode.COMMAND;
  }

  /** Scans a generic command-mode word: a number, a bare word, or a bare word with `$` expansions. */
  private scanCommandWord(p: number): void {
    const text = this.text;
    let e = p;
    let value = '';
    let segment = p;
    let expandable = false;
    while (e < this.len) {
      const c = text.charCodeAt(e);
      if (endsWord(c)) break;
      if (c === 96 /* ` */) {
        value += text.slice(segment, e);
        if (e + 1 >= this.len) {
          e++;
          segment = e;
          break;
        }
        const n = text.charCodeAt(e + 1);
        if (n === 10 || n === 13) break;
        const [ch, used] = decodeEscape(text, e + 1);
        value += ch;
        e += 1 + used;
        segment = e;
        continue;
      }
      if (c === 39 || c === 34) {
        // A quoted part inside a bare word belongs to it: --name="a b".
        const close = text.indexOf(String.fromCharCode(c), e + 1);
        value += text.slice(segment, e);
        if (close === -1) {
          this.errors.add('TerminatorExpectedAtEndOfString', e, this.len, true, String.fromCharCode(c));
          value += text.slice(e + 1);
          e = this.len;
        } else {
          value += text.slice(e + 1, close);
          e = close + 1;
        }
        segment = e;
        continue;
      }
      if (c === 36 && text.charCodeAt(e + 1) === 40 && e > p) {
        // `a$(1+1)b`: only the lexer's string frames can find where the subexpression ends.
        this.emit(T.BareExpandStart, p, p, { value: '', quote: 'bare' } satisfies StringPayload);
        const resume = this.mode === Mode.SWITCH_HEADER ? Mode.SWITCH_HEADER : Mode.COMMAND;
        this.frames.push({ kind: Frame.STRING, resume, defaultMode: Mode.START, continuation: null, quote: 'bare' });
        this.pos = p;
        return;
      }
      if (c === 36 && this.variableEnd(e) > e + 1) {
        expandable = true;
        // `${name}` is one piece of the word: its closing brace does not end the word.
        if (text.charCodeAt(e + 1) === 123) {
          e = this.variableEnd(e);
          continue;
        }
      }
      e++;
    }
    value += text.slice(segment, e);
    if (e === p) {
      this.emit(T.Unknown, p, p + 1);
      return;
    }
    const image = text.slice(p, e);
    const number = /^[-+.\d]/.test(image) ? parseNumber(image) : null;
    if (number !== null) {
      this.emit(T.Number, p, e, number);
    } else if (expandable) {
      this.scanExpandableWord(p, e);
    } else {
      this.emit(T.BareWord, p, e, value);
    }
    if (this.mode !== Mode.SWITCH_HEADER) this.mode = Mode.COMMAND;
  }

  /** A bare word with `$var` parts, e.g. `$dir\file.txt`: BareExpandStart, parts, StringExpandEnd. */
  private scanExpandableWord(p: number, end: number): void {
    const text = this.text;
    this.emit(T.BareExpandStart, p, p, { value: '', quote: 'bare' } satisfies StringPayload);
    let literal = '';
    let litStart = p;
    let i = p;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 36 && this.variableEnd(i) > i + 1) {
        if (literal !== '') this.emit(T.StringText, litStart, i, literal);
        this.scanVariable(i);
        i = this.pos;
        literal = '';
        litStart = i;
        continue;
      }
      if (c === 96 && i + 1 < end) {
        const [ch, used] = decodeEscape(text, i + 1);
        literal += ch;
        i += 1 + used;
        continue;
      }
      literal += text[i];
      i++;
    }
    if (literal !== '') this.emit(T.StringText, litStart, end, literal);
    this.emit(T.StringExpandEnd, end, end);
  }

  private scanRedirection(p: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c !== 62 && this.text.charCodeAt(p + 1) !== 62) return false;
    const m = /^([1-6*]?)(>>?)(&1)?/.exec(this.text.slice(p, p + 5));
    if (m === null) return false;
    const stream = (m[1] || '1') as RedirectPayload['stream'];
    if (m[3] !== undefined && m[2] === '>') {
      this.emit(T.MergeRedirect, p, p + m[0].length, { stream, append: false } satisfies RedirectPayload);
      this.mode = Mode.COMMAND;
    } else {
      const end = p + m[1]!.length + m[2]!.length;
      this.emitOp(T.FileRedirect, p, end, Mode.COMMAND, { stream, append: m[2] === '>>' } satisfies RedirectPayload);
      this.skipNewlines = false;
    }
    return true;
  }

  // ------------------------------------------------------------ expression mode

  private scanExpression(operand: boolean): void {
    const text = this.text;
    const p = this.pos;
    const c = dash(text.charCodeAt(p));
    const c1 = dash(text.charCodeAt(p + 1));
    const argComma = this.argCommaFrame();
    switch (c) {
      case 45 /* - */: {
        if (c1 === 45) {
          this.emit(T.MinusMinus, p, p + 2);
          if (operand) this.skipNewlines = true;
          return;
        }
        if (c1 === 61) return this.emitOp(T.CompoundAssign, p, p + 2, Mode.START, '-=');
        if (operand && (isDigit(c1) || (c1 === 46 && isDigit(text.charCodeAt(p + 2))))) {
          const e = this.numberEnd(p + 1);
          const number = parseNumber(text.slice(p, e));
          if (number !== null && !isIdentChar(text.charCodeAt(e))) {
            this.emit(T.Number, p, e, number);
            this.mode = Mode.OPERATOR;
            return;
          }
        }
        if (isLetter(c1)) {
          const word = this.dashWord(p);
          const end = p + 1 + word.length;
          if (operand && unaryDashOps.has(word)) return this.emitOp(T.UnaryDashOp, p, end, Mode.OPERAND, '-' + word);
          const type = binaryDashOps.get(word);
          if (type !== undefined) return this.emitOp(type, p, end, Mode.OPERAND, '-' + word);
          this.emit(T.Unknown, p, end);
          return;
        }
        return this.emitOp(T.Minus, p, p + 1, Mode.OPERAND, '-');
      }
      case 43 /* + */:
        if (c1 === 43) {
          this.emit(T.PlusPlus, p, p + 2);
          if (operand) this.skipNewlines = true;
          return;
        }
        if (c1 === 61) return this.emitOp(T.CompoundAssign, p, p + 2, Mode.START, '+=');
        return this.emitOp(T.Plus, p, p + 1, Mode.OPERAND, '+');
      case 42 /* * */:
        if (c1 === 62) {
          this.scanRedirection(p);
          return;
        }
        if (c1 === 61) return this.emitOp(T.CompoundAssign, p, p + 2, Mode.START, '*=');
        return this.emitOp(T.Star, p, p + 1, Mode.OPERAND, '*');
      case 47 /* / */:
        if (c1 === 61) return this.emitOp(T.CompoundAssign, p, p + 2, Mode.START, '/=');
        return this.emitOp(T.Slash, p, p + 1, Mode.OPERAND, '/');
      case 37 /* % */:
        if (c1 === 61) return this.emitOp(T.CompoundAssign, p, p + 2, Mode.START, '%=');
        return this.emitOp(T.Percent, p, p + 1, Mode.OPERAND, '%');
      case 61 /* = */:
        return this.emitOp(T.Equals, p, p + 1, Mode.START, '=');
      case 33 /* ! */:
        return this.emitOp(T.Exclaim, p, p + 1, Mode.OPERAND);
      case 44 /* , */:
        return this.emitOp(argComma ? T.ArgComma : T.Comma, p, p + 1, Mode.OPERAND);
      case 46 /* . */:
        if (c1 === 46) return this.emitOp(T.DotDot, p, p + 2, Mode.OPERAND);
        if (operand && isDigit(c1) && this.lastType() !== T.TypeLiteral) break;
        this.emit(T.MemberDot, p, p + 1);
        this.scanMemberName();
        return;
      case 58 /* : */:
        if (c1 === 58) {
          this.emit(T.ColonColon, p, p + 2);
          this.scanMemberName();
          return;
        }
        return this.emitOp(T.Colon, p, p + 1, Mode.OPERAND);
      case 63 /* ? */:
        if (c1 === 63) {
          if (text.charCodeAt(p + 2) === 61) return this.emitOp(T.CompoundAssign, p, p + 3, Mode.START, '??=');
          return this.emitOp(T.QuestionQuestion, p, p + 2, Mode.OPERAND, '??');
        }
        if (c1 === 46 && !operand) {
          this.emit(T.NullDot, p, p + 2);
          this.scanMemberName();
          return;
        }
        if (c1 === 91 && !operand) {
          this.emit(T.NullBracket, p, p + 2);
          this.push(Frame.INDEX, Mode.OPERATOR, Mode.OPERAND);
          this.mode = Mode.OPERAND;
          this.skipNewlines = true;
          return;
        }
        return this.emitOp(T.Question, p, p + 1, Mode.OPERAND);
      case 91 /* [ */:
        if (!operand && !this.spaceBefore) {
          this.emit(T.LBracket, p, p + 1);
          this.push(Frame.INDEX, Mode.OPERATOR, Mode.OPERAND);
          this.mode = Mode.OPERAND;
          this.skipNewlines = true;
          return;
        }
        this.scanTypeLiteral(Mode.OPERAND);
        return;
      case 40 /* ( */:
        if (!operand && this.lastWasMemberName && !this.spaceBefore) {
          this.emit(T.CallParen, p, p + 1);
          this.push(Frame.CALL, Mode.OPERATOR, Mode.OPERAND);
          this.mode = Mode.OPERAND;
          this.skipNewlines = true;
          return;
        }
        break;
      case 123 /* { */:
        this.emit(T.LCurly, p, p + 1);
        this.push(Frame.BLOCK, Mode.OPERATOR, Mode.START);
        this.mode = Mode.START;
        return;
      case 62 /* > */:
        this.scanRedirection(p);
        return;
      case 60 /* < */:
        this.errors.add('RedirectionNotSupported', p, p + 1, false, '<');
        this.emit(T.Unknown, p, p + 1);
        return;
      case 38: case 124: case 59: case 41: case 125: case 93:
        this.scanPunctuation(c);
        return;
    }
    if (!operand && c >= 49 && c <= 54 && c1 === 62) {
      this.scanRedirection(p);
      return;
    }
    if (isIdentChar(c) && !isDigit(c)) {
      let e = p;
      while (e < this.len && isIdentChar(text.charCodeAt(e))) e++;
      const word = text.slice(p, e);
      if (operand && this.lastType() === T.RBracket && word.toLowerCase() === 'param') {
        // `[CmdletBinding()] param(...)` on one line.
        this.keywordToken(T.Param, p, e);
        return;
      }
      if (!operand && word.toLowerCase() === 'in') {
        this.emitOp(T.In, p, e, Mode.START);
        return;
      }
      this.emit(T.Identifier, p, e, word);
      this.mode = Mode.OPERATOR;
      return;
    }
    this.scanOperand(c, p);
  }

  /** Operands shared by expression and command mode: variables, strings, numbers, brackets. */
  private scanOperand(c: number, p: number): void {
    const text = this.text;
    const c1 = text.charCodeAt(p + 1);
    const resume = this.isCommandish() ? Mode.COMMAND_POSTFIX : Mode.OPERATOR;
    switch (c) {
      case 36 /* $ */:
        if (c1 === 40) {
          this.emit(T.DollarParen, p, p + 2);
          this.push(Frame.SUBEXPR, resume, Mode.START);
          this.mode = Mode.START;
          this.skipNewlines = true;
          return;
        }
        this.scanVariable(p);
        this.mode = resume;
        return;
      case 64 /* @ */:
        if (c1 === 40) {
          this.emit(T.AtParen, p, p + 2);
          this.push(Frame.SUBEXPR, resume, Mode.START);
          this.mode = Mode.START;
          this.skipNewlines = true;
          return;
        }
        if (c1 === 123) {
          this.emit(T.AtCurly, p, p + 2);
          this.push(Frame.HASH, resume, Mode.OPERAND);
          this.mode = Mode.OPERAND;
          this.skipNewlines = true;
          return;
        }
        if (c1 === 34 || c1 === 39) {
          this.scanHereString(p, c1 === 34);
          if (this.top()?.kind !== Frame.STRING) this.mode = resume;
          return;
        }
        if (isVarChar(c1)) {
          let e = p + 1;
          while (e < this.len && isVarChar(text.charCodeAt(e))) e++;
          this.emit(T.SplatVariable, p, e, { scope: null, name: text.slice(p + 1, e) } satisfies VariablePayload);
          this.mode = resume;
          return;
        }
        break;
      case 39: case 0x2018: case 0x2019:
        this.scanSingleQuoted(p);
        this.mode = resume;
        return;
      case 34: case 0x201c: case 0x201d:
        this.scanDoubleQuoted(p, resume);
        return;
      case 40 /* ( */:
        this.emit(T.LParen, p, p + 1);
        this.push(Frame.PAREN, resume, Mode.START);
        this.mode = Mode.START;
        this.skipNewlines = true;
        return;
      default:
        if (isDigit(c) || (c === 46 && isDigit(c1))) {
          const e = this.numberEnd(p);
          const number = parseNumber(text.slice(p, e));
          if (number !== null) {
            this.emit(T.Number, p, e, number);
            this.mode = resume;
            return;
          }
        }
    }
    this.emit(T.Unknown, p, p + 1);
  }

  private scanPunctuation(c: number): void {
    const p = this.pos;
    const c1 = this.text.charCodeAt(p + 1);
    switch (c) {
      case 38 /* & */:
        if (c1 === 38) return this.emitOp(T.AndAnd, p, p + 2, Mode.PIPE_START);
        this.emit(T.Background, p, p + 1);
        this.mode = Mode.START;
        return;
      case 124 /* | */:
        if (c1 === 124) return this.emitOp(T.OrOr, p, p + 2, Mode.PIPE_START);
        return this.emitOp(T.Pipe, p, p + 1, Mode.PIPE_START);
      case 59 /* ; */:
        this.emit(T.Semicolon, p, p + 1);
        this.mode = this.defaultMode();
        return;
      case 41 /* ) */:
        this.close(T.RParen, p, [Frame.PAREN, Frame.SUBEXPR, Frame.CALL, Frame.PARAMS, Frame.ATTR]);
        return;
      case 125 /* } */:
        this.close(T.RCurly, p, [Frame.BLOCK, Frame.HASH, Frame.SWITCH, Frame.TYPE]);
        return;
      case 93 /* ] */:
        this.close(T.RBracket, p, [Frame.INDEX]);
        return;
      default:
        this.emit(T.Unknown, p, p + 1);
    }
  }

  /** Closes the innermost frame of one of `kinds`; frames opened inside it and left open are dropped. */
  private close(type: TokenType, p: number, kinds: readonly Frame[]): void {
    let i = this.frames.length - 1;
    while (i >= 0 && !kinds.includes(this.frames[i]!.kind)) {
      if (this.frames[i]!.kind === Frame.STRING) {
        i = -1;
        break;
      }
      i--;
    }
    this.emit(type, p, p + 1);
    if (i < 0) {
      this.mode = Mode.OPERATOR;
      return;
    }
    const frame = this.frames[i]!;
    this.frames.length = i;
    this.mode = frame.resume;
    if (frame.continuation !== null) this.pendingContinuation = frame.continuation;
    this.lastClosedContinuation = frame.continuation;
    if (frame.kind === Frame.ATTR) {
      // `[Parameter(...)]`: the `]` belongs to the attribute.
      let e = p + 1;
      while (e < this.len && isSpace(this.text.charCodeAt(e))) e++;
      if (this.text.charCodeAt(e) === 93) this.emit(T.RBracket, e, e + 1);
    }
  }

  private argCommaFrame(): boolean {
    const k = this.top()?.kind;
    return k === Frame.CALL || k === Frame.ATTR || k === Frame.PARAMS;
  }

  private lastType(): TokenType | undefined {
    return this.tokens[this.tokens.length - 1]?.tokenType;
  }

  private dashWord(p: number): string {
    let e = p + 1;
    while (e < this.len && isLetter(this.text.charCodeAt(e))) e++;
    return this.text.slice(p + 1, e).toLowerCase();
  }

  /** End of a generic word starting at p (command names, function names, keywords). */
  private wordEnd(p: number): number {
    let e = p;
    while (e < this.len) {
      const c = this.text.charCodeAt(e);
      if (endsWord(c)) break;
      if (c === 96) e++;
      e++;
    }
    return Math.min(e, this.len);
  }

  /** End of a number literal in expression mode (`1`, `1.5e3`, `0x1F`, `10kb`, `1l`, `2d`). */
  private numberEnd(p: number): number {
    const m = /^(?:0x[0-9a-f]+|(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(?:l|d)?(?:kb|mb|gb|tb|pb)?/i.exec(this.text.slice(p, p + 64));
    return m === null ? p : p + m[0].length;
  }

  private scanMemberName(): void {
    const text = this.text;
    const p = this.pos;
    const c = text.charCodeAt(p);
    this.mode = this.isCommandish() ? Mode.COMMAND_POSTFIX : Mode.OPERATOR;
    if (isIdentChar(c)) {
      let e = p;
      while (e < this.len && isIdentChar(text.charCodeAt(e))) e++;
      this.emit(T.Identifier, p, e, text.slice(p, e));
      this.lastWasMemberName = true;
      return;
    }
    if (c === 36 && text.charCodeAt(p + 1) !== 40) {
      this.scanVariable(p);
      this.lastWasMemberName = true;
      return;
    }
    if (c === 39) {
      this.scanSingleQuoted(p);
      this.lastWasMemberName = true;
    }
  }

  // ------------------------------------------------------------ variables

  /** End offset of the variable reference starting with `$` at p, or p + 1 when it is not one. */
  private variableEnd(p: number): number {
    const text = this.text;
    const c1 = text.charCodeAt(p + 1);
    if (c1 === 123 /* { */) {
      let e = p + 2;
      while (e < this.len && text.charCodeAt(e) !== 125) e += text.charCodeAt(e) === 96 ? 2 : 1;
      return Math.min(e + 1, this.len);
    }
    if (c1 === 36 || c1 === 94 || c1 === 63) return p + 2; // $$ $^ $?
    let e = p + 1;
    while (e < this.len && isVarChar(text.charCodeAt(e))) e++;
    if (e > p + 1 && text.charCodeAt(e) === 58 && isVarChar(text.charCodeAt(e + 1)) && text.charCodeAt(e + 1) !== 58) {
      e++;
      while (e < this.len && isVarChar(text.charCodeAt(e))) e++;
    }
    return e;
  }

  private scanVariable(p: number): void {
    const text = this.text;
    const e = this.variableEnd(p);
    let raw: string;
    if (text.charCodeAt(p + 1) === 123) {
      raw = text.slice(p + 2, e - 1).replace(/`(.)/g, '$1');
    } else raw = text.slice(p + 1, e);
    let scope: string | null = null;
    let name = raw;
    const colon = raw.indexOf(':');
    if (colon > 0) {
      scope = raw.slice(0, colon).toLowerCase();
      name = raw.slice(colon + 1);
    }
    if (e === p + 1) {
      this.emit(T.Unknown, p, p + 1);
      return;
    }
    this.emit(T.Variable, p, e, { scope, name } satisfies VariablePayload);
  }

  // ------------------------------------------------------------ type literals and attributes

  private scanTypeLiteral(after: Mode): void {
    const text = this.text;
    const p = this.pos;
    let e = p + 1;
    while (isSpace(text.charCodeAt(e))) e++;
    const nameStart = e;
    let depth = 0;
    while (e < this.len) {
      const c = text.charCodeAt(e);
      if (c === 91) depth++;
      else if (c === 93) {
        if (depth === 0) break;
        depth--;
      } else if (c === 40 && depth === 0) break;
      else if (!(isIdentChar(c) || c === 46 || c === 96 || c === 43 || c === 44 || (isSpace(c) && depth > 0))) {
        if (!isSpace(c)) break;
        let s = e;
        while (isSpace(text.charCodeAt(s))) s++;
        // `[Type, Assembly]`: an assembly-qualified name may have spaces after its comma.
        const afterComma = text.charCodeAt(e - 1) === 44;
        if (!afterComma && text.charCodeAt(s) !== 93 && text.charCodeAt(s) !== 40) break;
        e = s;
        continue;
      }
      e++;
    }
    const typeName = text.slice(nameStart, e).trim();
    const c = text.charCodeAt(e);
    if (typeName === '' || isDigit(typeName.charCodeAt(0)) || (c !== 93 && c !== 40)) {
      this.emit(T.Unknown, p, p + 1);
      this.mode = after;
      if (typeName === '') this.errors.add('MissingTypename', p, p + 1, e >= this.len);
      return;
    }
    if (c === 40) {
      this.emit(T.AttributeOpen, p, e + 1, typeName);
      this.push(Frame.ATTR, after, Mode.OPERAND);
      this.mode = Mode.OPERAND;
      this.skipNewlines = true;
      return;
    }
    this.emit(T.TypeLiteral, p, e + 1, typeName);
    this.mode = after;
  }

  // ------------------------------------------------------------ strings

  private scanSingleQuoted(p: number): void {
    const text = this.text;
    let value = '';
    let i = p + 1;
    let seg = i;
    while (true) {
      if (i >= this.len) {
        value += text.slice(seg, i);
        this.errors.add('TerminatorExpectedAtEndOfString', p, this.len, true, "'");
        this.emit(T.StringLiteral, p, this.len, { value, quote: 'single' } satisfies StringPayload);
        return;
      }
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b) {
        const n = text.charCodeAt(i + 1);
        if (n === 39 || n === 0x2018 || n === 0x2019 || n === 0x201a || n === 0x201b) {
          value += text.slice(seg, i + 1);
          i += 2;
          seg = i;
          continue;
        }
        value += text.slice(seg, i);
        this.emit(T.StringLiteral, p, i + 1, { value, quote: 'single' } satisfies StringPayload);
        return;
      }
      i++;
    }
  }

  private isDoubleQuote(c: number): boolean {
    return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e;
  }

  /** True when `$` at i starts an expansion inside a double-quoted string. */
  private startsExpansion(i: number): boolean {
    const n = this.text.charCodeAt(i + 1);
    return n === 40 || n === 123 || isVarChar(n) || n === 36 || n === 94;
  }

  private scanDoubleQuoted(p: number, resume: Mode): void {
    const text = this.text;
    // Fast path: a string without expansions is one StringLiteral token.
    let value = '';
    let i = p + 1;
    let seg = i;
    while (i < this.len) {
      const c = text.charCodeAt(i);
      if (c === 96) {
        value += text.slice(seg, i);
        const [ch, used] = decodeEscape(text, i + 1);
        value += ch;
        i += 1 + used;
        seg = i;
        continue;
      }
      if (this.isDoubleQuote(c)) {
        if (this.isDoubleQuote(text.charCodeAt(i + 1))) {
          value += text.slice(seg, i) + '"';
          i += 2;
          seg = i;
          continue;
        }
        value += text.slice(seg, i);
        this.emit(T.StringLiteral, p, i + 1, { value, quote: 'double' } satisfies StringPayload);
        this.mode = resume;
        return;
      }
      if (c === 36 && this.startsExpansion(i)) break;
      i++;
    }
    if (i >= this.len) {
      value += text.slice(seg, i);
      this.errors.add('TerminatorExpectedAtEndOfString', p, this.len, true, '"');
      this.emit(T.StringLiteral, p, this.len, { value, quote: 'double' } satisfies StringPayload);
      this.mode = resume;
      return;
    }
    this.emit(T.StringExpandStart, p, p + 1, { value: '', quote: 'double' } satisfies StringPayload);
    this.frames.push({ kind: Frame.STRING, resume, defaultMode: Mode.START, continuation: null, quote: 'double' });
  }

  private scanHereString(p: number, double: boolean): void {
    const text = this.text;
    const terminator = double ? '"@' : "'@";
    let i = p + 2;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) !== 10) {
      // PowerShell requires a line break right after the opening quote.
      this.errors.add('UnexpectedToken', p, p + 2, false, text.slice(p, p + 2));
      this.emit(T.Unknown, p, p + 2);
      return;
    }
    const bodyStart = i + 1;
    if (!double) {
      const end = this.hereStringEnd(bodyStart, terminator);
      if (end === -1) {
        this.errors.add('TerminatorExpectedAtEndOfString', p, this.len, true, terminator);
        this.emit(T.StringLiteral, p, this.len, { value: text.slice(bodyStart), quote: 'singleHere' } satisfies StringPayload);
        return;
      }
      this.emit(T.StringLiteral, p, end + 2, { value: text.slice(bodyStart, this.contentEnd(bodyStart, end)), quote: 'singleHere' } satisfies StringPayload);
      return;
    }
    this.emit(T.StringExpandStart, p, bodyStart, { value: '', quote: 'doubleHere' } satisfies StringPayload);
    const resume = this.isCommandish() ? Mode.COMMAND_POSTFIX : Mode.OPERATOR;
    this.frames.push({ kind: Frame.STRING, resume, defaultMode: Mode.START, continuation: null, quote: 'doubleHere' });
  }

  /** Offset of the `"@`/`'@` that ends a here-string (at the start of a line), or -1. */
  private hereStringEnd(from: number, terminator: string): number {
    let i = from;
    while (true) {
      const at = this.text.indexOf(terminator, i);
      if (at === -1) return -1;
      if (at === from || this.text.charCodeAt(at - 1) === 10) return at;
      i = at + 1;
    }
  }

  /** End of here-string content: the line break before the terminator is not part of it. */
  private contentEnd(bodyStart: number, terminatorAt: number): number {
    if (terminatorAt === bodyStart) return bodyStart;
    let e = terminatorAt - 1;
    if (e > bodyStart && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** Scans literal text of an expandable string up to the next `$` expansion or the end quote. */
  private scanStringContent(frame: OpenFrame): void {
    const text = this.text;
    const here = frame.quote === 'doubleHere';
    const bare = frame.quote === 'bare';
    const start = this.pos;
    let value = '';
    let i = start;
    let seg = i;
    const flush = (end: number): void => {
      value += text.slice(seg, end);
      if (value !== '') this.emit(T.StringText, start, end, value);
      this.pos = end;
    };
    while (true) {
      if (i >= this.len) {
        flush(this.len);
        if (!bare) this.errors.add('TerminatorExpectedAtEndOfString', this.len, this.len, true, here ? '"@' : '"');
        this.frames.pop();
        this.emit(T.StringExpandEnd, this.len, this.len);
        this.mode = frame.resume;
        return;
      }
      const c = text.charCodeAt(i);
      if (bare && (endsWord(c) || (c === 96 && (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13)))) {
        flush(i);
        this.frames.pop();
        this.emit(T.StringExpandEnd, i, i);
        this.mode = frame.resume;
        return;
      }
      if (bare && (c === 39 || c === 34)) {
        // A quoted part of a bare word is literal text of the word, as scanCommandWord reads it.
        const close = text.indexOf(String.fromCharCode(c), i + 1);
        if (close === -1) this.errors.add('TerminatorExpectedAtEndOfString', i, this.len, true, String.fromCharCode(c));
        value += text.slice(seg, i) + text.slice(i + 1, close === -1 ? this.len : close);
        i = close === -1 ? this.len : close + 1;
        seg = i;
        continue;
      }
      if (c === 96) {
        value += text.slice(seg, i);
        const [ch, used] = decodeEscape(text, i + 1);
        value += ch;
        i += 1 + used;
        seg = i;
        continue;
      }
      if (here) {
        if (c === 10 && text.charCodeAt(i + 1) === 34 && text.charCodeAt(i + 2) === 64) {
          const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
          flush(end);
          this.frames.pop();
          this.emit(T.StringExpandEnd, i, i + 3);
          this.mode = frame.resume;
          return;
        }
      } else if (this.isDoubleQuote(c)) {
        if (this.isDoubleQuote(text.charCodeAt(i + 1))) {
          value += text.slice(seg, i) + '"';
          i += 2;
          seg = i;
          continue;
        }
        flush(i);
        this.frames.pop();
        this.emit(T.StringExpandEnd, i, i + 1);
        this.mode = frame.resume;
        return;
      }
      if (c === 36 && this.startsExpansion(i)) {
        flush(i);
        if (text.charCodeAt(i + 1) === 40) {
          this.emit(T.DollarParen, i, i + 2);
          this.push(Frame.SUBEXPR, Mode.OPERATOR, Mode.START);
          this.mode = Mode.START;
          this.skipNewlines = true;
        } else {
          // `$x.Prop` and `$x[0]` in a string expand only `$x`.
          this.scanVariable(i);
        }
        return;
      }
      i++;
    }
  }
}

export function tokenize(text: string, errors: ParseErrorSink): PshToken[] {
  return new PshLexer(text, errors).tokenize();
}
