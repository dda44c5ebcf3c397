// Token types of the psh grammar. The hand-written lexer (lexer.ts) decides which type a piece
// of source gets, because PowerShell tokenizes the same characters differently in command mode
// and expression mode; Chevrotain only sees the resulting token types, so none has a pattern.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const NA = Lexer.NA;

/** Every token belongs to Any, so error recovery can skip "whatever comes next". */
export const Any = createToken({ name: 'Any', pattern: NA });

// Categories group operators of one precedence level so the grammar has one rule per level.
export const AssignOp = createToken({ name: 'AssignOp', pattern: NA, categories: [Any] });
/**
 * Every binary operator from `-and` (lowest) to `,` (highest). One grammar rule parses a chain of
 * them and builds the tree by precedence (binaryPrecedence in parser.ts), which is much faster than
 * one rule per level.
 */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: NA, categories: [Any] });

function tok(name: string, ...categories: TokenType[]): TokenType {
  return createToken({ name, pattern: NA, categories: [Any, ...categories] });
}

// ---- separators and pipeline punctuation
export const Newline = tok('Newline');
export const Semicolon = tok('Semicolon');
export const Pipe = tok('Pipe');
export const AndAnd = tok('AndAnd');
export const OrOr = tok('OrOr');
/** `&` at the start of a pipeline element: the call operator. */
export const CallOperator = tok('CallOperator');
/** `.` followed by a space at the start of a pipeline element: dot-sourcing. */
export const DotSource = tok('DotSource');
/** `&` after a pipeline: run it as a background job. */
export const Background = tok('Background');

// ---- brackets (the lexer pairs them; opening kinds say what they open)
export const LParen = tok('LParen');
/** `(` directly after a member name: method call arguments. */
export const CallParen = tok('CallParen');
export const RParen = tok('RParen');
export const LCurly = tok('LCurly');
export const RCurly = tok('RCurly');
/** `[` directly after an operand (no space): indexing. */
export const LBracket = tok('LBracket');
export const RBracket = tok('RBracket');
export const DollarParen = tok('DollarParen');
export const AtParen = tok('AtParen');
export const AtCurly = tok('AtCurly');

// ---- expression operators
export const Comma = tok('Comma', BinaryOp);
/** Comma separating method, attribute or param() arguments: not the array operator. */
export const ArgComma = tok('ArgComma');
export const DotDot = tok('DotDot', BinaryOp);
/** `.` directly after an operand: member access. */
export const MemberDot = tok('MemberDot');
export const ColonColon = tok('ColonColon');
export const NullDot = tok('NullDot');
export const NullBracket = tok('NullBracket');
export const Question = tok('Question');
export const Colon = tok('Colon');
export const QuestionQuestion = tok('QuestionQuestion');
export const Equals = tok('Equals', AssignOp);
export const CompoundAssign = tok('CompoundAssign', AssignOp);
export const Plus = tok('Plus', BinaryOp);
export const Minus = tok('Minus', BinaryOp);
export const Star = tok('Star', BinaryOp);
export const Slash = tok('Slash', BinaryOp);
export const Percent = tok('Percent', BinaryOp);
export const PlusPlus = tok('PlusPlus');
export const MinusMinus = tok('MinusMinus');
export const Exclaim = tok('Exclaim');
export const FormatOp = tok('FormatOp', BinaryOp);
/** `-not`, `-bnot`, and `-split`/`-join` in operand position. */
export const UnaryDashOp = tok('UnaryDashOp');
export const LogicalDashOp = tok('LogicalDashOp', BinaryOp);
export const BitwiseDashOp = tok('BitwiseDashOp', BinaryOp);
export const ComparisonDashOp = tok('ComparisonDashOp', BinaryOp);

// ---- redirections
export const FileRedirect = tok('FileRedirect');
export const MergeRedirect = tok('MergeRedirect');

// ---- operands
export const Variable = tok('Variable');
export const SplatVariable = tok('SplatVariable');
export const Number = tok('Number');
export const StringLiteral = tok('StringLiteral');
/** Start of a double-quoted (here-)string or bare word with `$` expansions. */
export const StringExpandStart = tok('StringExpandStart');
/** Start of a bare word with `$` expansions (`C:\tools\$name.exe`); as a statement's first word it names a command. */
export const BareExpandStart = tok('BareExpandStart');
export const StringText = tok('StringText');
export const StringExpandEnd = tok('StringExpandEnd');
/** `[int]`, `[string[]]`, `[System.Collections.Generic.List[string]]`. */
export const TypeLiteral = tok('TypeLiteral');
/** `[Parameter(`: an attribute with arguments; closed by `)` and `]`. */
export const AttributeOpen = tok('AttributeOpen');
/** A word in expression mode: member names, hashtable keys, class members. */
export const Identifier = tok('Identifier');
/** A word in command mode: command names and bare-word arguments. */
export const BareWord = tok('BareWord');
export const Parameter = tok('Parameter');
export const VerbatimArgument = tok('VerbatimArgument');
export const Label = tok('Label');
/** A character the lexer could not place; the parser reports it as unexpected. */
export const Unknown = tok('Unknown');

// ---- keywords (only recognized at the start of a statement or where the lexer expects them)
export const If = tok('If');
export const ElseIf = tok('ElseIf');
export const Else = tok('Else');
export const Switch = tok('Switch');
export const Default = tok('Default');
export const Foreach = tok('Foreach');
export const In = tok('In');
export const For = tok('For');
export const While = tok('While');
export const Do = tok('Do');
export const Until = tok('Until');
/** `function`, `filter` and `workflow`. */
export const Function = tok('Function');
export const Return = tok('Return');
export const Exit = tok('Exit');
export const Throw = tok('Throw');
export const Break = tok('Break');
export const Continue = tok('Continue');
export const Try = tok('Try');
export const Catch = tok('Catch');
export const Finally = tok('Finally');
export const Trap = tok('Trap');
export const Class = tok('Class');
export const Enum = tok('Enum');
export const Using = tok('Using');
export const Param = tok('Param');
/** `begin`, `process`, `end`, `dynamicparam`, `clean`. */
export const NamedBlockKeyword = tok('NamedBlockKeyword');

/** Order matters to Chevrotain only in that categories come before their members. */
export const allTokens: TokenType[] = [
  Any, AssignOp, BinaryOp,
  Newline, Semicolon, Pipe, AndAnd, OrOr, CallOperator, DotSource, Background,
  LParen, CallParen, RParen, LCurly, RCurly, LBracket, RBracket, DollarParen, AtParen, AtCurly,
  Comma, ArgComma, DotDot, MemberDot, ColonColon, NullDot, NullBracket, Question, Colon, QuestionQuestion,
  Equals, CompoundAssign, Plus, Minus, Star, Slash, Percent, PlusPlus, MinusMinus, Exclaim, FormatOp,
  UnaryDashOp, LogicalDashOp, BitwiseDashOp, ComparisonDashOp,
  FileRedirect, MergeRedirect,
  Variable, SplatVariable, Number, StringLiteral, StringExpandStart, BareExpandStart, StringText, StringExpandEnd,
  TypeLiteral, AttributeOpen, Identifier, BareWord, Parameter, VerbatimArgument, Label, Unknown,
  If, ElseIf, Else, Switch, Default, Foreach, In, For, While, Do, Until, Function, Return, Exit, Throw,
  Break, Continue, Try, Catch, Finally, Trap, Class, Enum, Using, Param, NamedBlockKeyword,
];
