// The typed AST that the parser produces and the runtime compiles. Every node carries the
// source extent it came from, so runtime errors can point at file, line and column.
// Nodes are discriminated by `kind`; names follow PowerShell's own AST classes where one exists.

export interface Extent {
  readonly file: string;
  /** 0-based offsets into the source text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1-based, like PowerShell's error positions. */
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

interface NodeBase {
  readonly extent: Extent;
}

// ---------------------------------------------------------------- script blocks

export interface ScriptBlockAst extends NodeBase {
  readonly kind: 'ScriptBlock';
  readonly paramBlock: ParamBlockAst | null;
  readonly beginBlock: NamedBlockAst | null;
  readonly processBlock: NamedBlockAst | null;
  /** Statements outside any named block live in an unnamed end block. */
  readonly endBlock: NamedBlockAst | null;
  readonly dynamicParamBlock: NamedBlockAst | null;
  /** PowerShell 7.3's `clean {}`: runs after end, also when the pipeline fails or is stopped. */
  readonly cleanBlock: NamedBlockAst | null;
  /** Source text of the block without its braces (what `{ ... }.ToString()` returns). */
  readonly text: string;
}

export type BlockName = 'begin' | 'process' | 'end' | 'dynamicparam' | 'clean';

export interface NamedBlockAst extends NodeBase {
  readonly kind: 'NamedBlock';
  readonly blockName: BlockName;
  readonly unnamed: boolean;
  readonly statements: readonly StatementAst[];
  readonly traps: readonly TrapStatementAst[];
}

export interface ParamBlockAst extends NodeBase {
  readonly kind: 'ParamBlock';
  /** `[CmdletBinding()]`, `[OutputType()]` ... written before `param`. */
  readonly attributes: readonly AttributeAst[];
  readonly parameters: readonly ParameterAst[];
}

export interface ParameterAst extends NodeBase {
  readonly kind: 'Parameter';
  /** Variable name without `$`. */
  readonly name: string;
  /** In source order: `[Parameter(...)]`, `[ValidateSet(...)]`, `[int]` ... */
  readonly attributes: readonly (AttributeAst | TypeConstraintAst)[];
  readonly defaultValue: ExpressionAst | null;
}

export interface AttributeAst extends NodeBase {
  readonly kind: 'Attribute';
  /** As written, e.g. `Parameter`, `ValidateSet`, `CmdletBinding`. */
  readonly typeName: string;
  readonly positionalArguments: readonly ExpressionAst[];
  /** `Mandatory` alone has `value: null` (meaning $true); `Position=0` has a value. */
  readonly namedArguments: readonly { readonly name: string; readonly value: ExpressionAst | null }[];
}

export interface TypeConstraintAst extends NodeBase {
  readonly kind: 'TypeConstraint';
  /** As written between the brackets, e.g. `int`, `string[]`, `System.Collections.Generic.List[string]`. */
  readonly typeName: string;
}

// ---------------------------------------------------------------- statements

export type StatementAst =
  | PipelineAst
  | PipelineChainAst
  | AssignmentStatementAst
  | IfStatementAst
  | SwitchStatementAst
  | ForEachStatementAst
  | ForStatementAst
  | WhileStatementAst
  | DoLoopStatementAst
  | FunctionDefinitionAst
  | ReturnStatementAst
  | ExitStatementAst
  | ThrowStatementAst
  | BreakStatementAst
  | ContinueStatementAst
  | TryStatementAst
  | TrapStatementAst
  | TypeDefinitionAst
  | UsingStatementAst
  | StatementBlockAst;

/** `{ ... }` used as a statement body (not a script block value). */
export interface StatementBlockAst extends NodeBase {
  readonly kind: 'StatementBlock';
  readonly statements: readonly StatementAst[];
  readonly traps: readonly TrapStatementAst[];
}

export interface PipelineAst extends NodeBase {
  readonly kind: 'Pipeline';
  readonly elements: readonly (CommandAst | CommandExpressionAst)[];
  /** PowerShell 7 background operator: `Get-Thing &`. */
  readonly background: boolean;
}

export interface PipelineChainAst extends NodeBase {
  readonly kind: 'PipelineChain';
  readonly left: PipelineAst | PipelineChainAst;
  readonly operator: '&&' | '||';
  readonly right: PipelineAst;
  readonly background: boolean;
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '??=';

export interface AssignmentStatementAst extends NodeBase {
  readonly kind: 'Assignment';
  /** A variable, member, index, a `[type]$var` convert, or an array literal of those. */
  readonly target: ExpressionAst;
  readonly operator: AssignmentOperator;
  /** The right side is a statement: `$x = if (...) {...}` and `$x = Get-Job` are both legal. */
  readonly value: StatementAst;
}

export interface IfStatementAst extends NodeBase {
  readonly kind: 'If';
  readonly clauses: readonly { readonly condition: PipelineAst | PipelineChainAst | AssignmentStatementAst; readonly body: StatementBlockAst }[];
  readonly elseBody: StatementBlockAst | null;
}

export interface SwitchStatementAst extends NodeBase {
  readonly kind: 'Switch';
  readonly label: string | null;
  readonly flags: {
    readonly regex: boolean;
    readonly wildcard: boolean;
    readonly exact: boolean;
    readonly caseSensitive: boolean;
    readonly file: boolean;
  };
  readonly condition: PipelineAst | PipelineChainAst | AssignmentStatementAst;
  readonly clauses: readonly { readonly pattern: ExpressionAst; readonly body: StatementBlockAst }[];
  readonly defaultBody: StatementBlockAst | null;
}

export interface ForEachStatementAst extends NodeBase {
  readonly kind: 'ForEach';
  readonly label: string | null;
  readonly variable: VariableExpressionAst;
  readonly iterable: PipelineAst | PipelineChainAst | AssignmentStatementAst;
  readonly body: StatementBlockAst;
}

export interface ForStatementAst extends NodeBase {
  readonly kind: 'For';
  readonly label: string | null;
  readonly initializer: StatementAst | null;
  readonly condition: StatementAst | null;
  readonly iterator: StatementAst | null;
  readonly body: StatementBlockAst;
}

export interface WhileStatementAst extends NodeBase {
  readonly kind: 'While';
  readonly label: string | null;
  readonly condition: StatementAst;
  readonly body: StatementBlockAst;
}

export interface DoLoopStatementAst extends NodeBase {
  readonly kind: 'DoLoop';
  readonly label: string | null;
  /** `do {} until (...)` loops while the condition is false. */
  readonly until: boolean;
  readonly body: StatementBlockAst;
  readonly condition: StatementAst;
}

export interface FunctionDefinitionAst extends NodeBase {
  readonly kind: 'FunctionDefinition';
  readonly name: string;
  readonly isFilter: boolean;
  readonly isWorkflow: boolean;
  /** Parameters written as `function f($a, $b) {}`; null when absent. */
  readonly parameters: readonly ParameterAst[] | null;
  readonly body: ScriptBlockAst;
}

export interface ReturnStatementAst extends NodeBase {
  readonly kind: 'Return';
  readonly pipeline: StatementAst | null;
}

export interface ExitStatementAst extends NodeBase {
  readonly kind: 'Exit';
  readonly pipeline: StatementAst | null;
}

export interface ThrowStatementAst extends NodeBase {
  readonly kind: 'Throw';
  readonly pipeline: StatementAst | null;
}

export interface BreakStatementAst extends NodeBase {
  readonly kind: 'Break';
  /** `break outer` has a StringConstant label; `break $x` an expression. */
  readonly label: ExpressionAst | null;
}

export interface ContinueStatementAst extends NodeBase {
  readonly kind: 'Continue';
  readonly label: ExpressionAst | null;
}

export interface CatchClauseAst extends NodeBase {
  readonly kind: 'CatchClause';
  /** Type names as written; empty for a catch-all. */
  readonly catchTypes: readonly string[];
  readonly body: StatementBlockAst;
}

export interface TryStatementAst extends NodeBase {
  readonly kind: 'Try';
  readonly body: StatementBlockAst;
  readonly catches: readonly CatchClauseAst[];
  readonly finallyBody: StatementBlockAst | null;
}

export interface TrapStatementAst extends NodeBase {
  readonly kind: 'Trap';
  readonly trapType: string | null;
  readonly body: StatementBlockAst;
}

/** `using namespace System.Text` (also `module`, `assembly`): names the script may use without their namespace. */
export interface UsingStatementAst extends NodeBase {
  readonly kind: 'Using';
  readonly usingKind: 'namespace' | 'module' | 'assembly';
  readonly name: string;
}

/** `class` and `enum` are parsed so scripts containing them load; a later issue runs them. */
export interface TypeDefinitionAst extends NodeBase {
  readonly kind: 'TypeDefinition';
  readonly name: string;
  readonly isEnum: boolean;
  readonly baseTypes: readonly string[];
  readonly members: readonly TypeMemberAst[];
}

export type TypeMemberAst =
  | { readonly kind: 'PropertyMember'; readonly extent: Extent; readonly name: string; readonly typeName: string | null; readonly isStatic: boolean; readonly initialValue: ExpressionAst | null }
  | { readonly kind: 'MethodMember'; readonly extent: Extent; readonly name: string; readonly returnType: string | null; readonly isStatic: boolean; readonly parameters: readonly ParameterAst[]; readonly body: ScriptBlockAst }
  | { readonly kind: 'EnumMember'; readonly extent: Extent; readonly name: string; readonly value: ExpressionAst | null };

// ---------------------------------------------------------------- commands

export interface CommandAst extends NodeBase {
  readonly kind: 'Command';
  /** `&` call operator, `.` dot-source operator, or neither. */
  readonly invocationOperator: '&' | '.' | null;
  /**
   * Elements after the invocation operator; the first is the command name (a bare word
   * StringConstant, a string, a variable, a script block, ...). Parameters are CommandParameter
   * nodes, everything else is an argument expression.
   */
  readonly elements: readonly CommandElementAst[];
  readonly redirections: readonly RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | VerbatimArgumentAst | ExpressionAst;

export interface CommandParameterAst extends NodeBase {
  readonly kind: 'CommandParameter';
  /** Without the leading dash, as written (case kept). */
  readonly parameterName: string;
  /** `-Name:value` carries its argument here; `-Name value` does not (value is the next element). */
  readonly argument: ExpressionAst | null;
}

/** Everything after `--%`, passed to a native command as is. */
export interface VerbatimArgumentAst extends NodeBase {
  readonly kind: 'VerbatimArgument';
  readonly text: string;
}

/** An expression used as a pipeline element: `$x | ...`, `1..10 | ...`, `"text"`. */
export interface CommandExpressionAst extends NodeBase {
  readonly kind: 'CommandExpression';
  readonly expression: ExpressionAst;
  readonly redirections: readonly RedirectionAst[];
}

/** Streams by PowerShell's numbers: 1 output, 2 error, 3 warning, 4 verbose, 5 debug, 6 information. */
export type StreamName = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'all';

export type RedirectionAst = FileRedirectionAst | MergingRedirectionAst;

/** `> file`, `>> file`, `2> file`, `*> file`, `> $null`. */
export interface FileRedirectionAst extends NodeBase {
  readonly kind: 'FileRedirection';
  readonly fromStream: StreamName;
  readonly append: boolean;
  readonly target: ExpressionAst;
}

/** `2>&1`, `*>&1`, `3>&1`. */
export interface MergingRedirectionAst extends NodeBase {
  readonly kind: 'MergingRedirection';
  readonly fromStream: StreamName;
  readonly toStream: 'output';
}

// ---------------------------------------------------------------- expressions

export type ExpressionAst =
  | ConstantExpressionAst
  | StringConstantExpressionAst
  | ExpandableStringExpressionAst
  | VariableExpressionAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenExpressionAst
  | HashtableAst
  | ScriptBlockExpressionAst
  | UnaryExpressionAst
  | BinaryExpressionAst
  | TernaryExpressionAst
  | ConvertExpressionAst
  | TypeExpressionAst
  | MemberExpressionAst
  | InvokeMemberExpressionAst
  | IndexExpressionAst;

export interface ConstantExpressionAst extends NodeBase {
  readonly kind: 'Constant';
  /** `int` for Int32, `long` for Int64 (suffix `l` or too big for int), `double`, `decimal` (suffix `d`). */
  readonly numberType: 'int' | 'long' | 'double' | 'decimal';
  readonly value: number;
  /** Source text, e.g. `0x1F`, `1kb`, `2.5e3`. */
  readonly text: string;
}

export type StringQuoteKind = 'bare' | 'single' | 'double' | 'singleHere' | 'doubleHere';

export interface StringConstantExpressionAst extends NodeBase {
  readonly kind: 'StringConstant';
  /** The value with quotes removed and escapes (`''` in single quotes, backticks in bare words) applied. */
  readonly value: string;
  readonly quote: StringQuoteKind;
}

/** A double-quoted string or here-string containing `$var` or `$(...)`. */
export interface ExpandableStringExpressionAst extends NodeBase {
  readonly kind: 'ExpandableString';
  readonly quote: 'double' | 'doubleHere' | 'bare';
  /** Literal segments (escapes already applied) interleaved with embedded expressions. */
  readonly parts: readonly (string | VariableExpressionAst | SubExpressionAst | MemberExpressionAst | IndexExpressionAst)[];
}

export interface VariableExpressionAst extends NodeBase {
  readonly kind: 'Variable';
  /**
   * Scope or drive qualifier, lower-cased: `global`, `script`, `local`, `private`, `using`,
   * `env`, `variable`, `function`; null when unqualified.
   */
  readonly scope: string | null;
  /** Name without `$`, qualifier or braces, e.g. `x`, `PATH`, `a b`, `_`. */
  readonly name: string;
  /** `@args` splatting (only in command arguments). */
  readonly splatted: boolean;
}

/** The comma operator: `1, 2, 3` and unary `, $x`. */
export interface ArrayLiteralAst extends NodeBase {
  readonly kind: 'ArrayLiteral';
  readonly elements: readonly ExpressionAst[];
}

/** `@( ... )` */
export interface ArrayExpressionAst extends NodeBase {
  readonly kind: 'ArrayExpression';
  readonly statements: readonly StatementAst[];
}

/** `$( ... )` */
export interface SubExpressionAst extends NodeBase {
  readonly kind: 'SubExpression';
  readonly statements: readonly StatementAst[];
}

/** `( pipeline )` */
export interface ParenExpressionAst extends NodeBase {
  readonly kind: 'Paren';
  readonly pipeline: StatementAst;
}

/** `@{ k = v; ... }`; `[ordered]@{}` is a ConvertExpression around this. */
export interface HashtableAst extends NodeBase {
  readonly kind: 'Hashtable';
  readonly entries: readonly { readonly key: ExpressionAst; readonly value: StatementAst }[];
}

export interface ScriptBlockExpressionAst extends NodeBase {
  readonly kind: 'ScriptBlockExpression';
  readonly scriptBlock: ScriptBlockAst;
}

export type UnaryOperator =
  | '-not' | '!' | '-bnot' | '-' | '+' | ','
  | '++' | '--' /* prefix */ | 'post++' | 'post--'
  | '-split' | '-csplit' | '-isplit' | '-join';

export interface UnaryExpressionAst extends NodeBase {
  readonly kind: 'Unary';
  readonly operator: UnaryOperator;
  readonly operand: ExpressionAst;
}

/**
 * Lower-cased as PowerShell spells them, including the case prefixes: `-eq`, `-ieq`, `-ceq`,
 * `-like`, `-creplace`, `-and`, `-f`, `..`, `+`, `??` ... `-is`/`-as` take a TypeExpression on
 * the right.
 */
export type BinaryOperator = string;

export interface BinaryExpressionAst extends NodeBase {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: ExpressionAst;
  readonly right: ExpressionAst;
}

export interface TernaryExpressionAst extends NodeBase {
  readonly kind: 'Ternary';
  readonly condition: ExpressionAst;
  readonly ifTrue: ExpressionAst;
  readonly ifFalse: ExpressionAst;
}

/** A cast `[int]$x`, `[string[]]$a`, `[ordered]@{}`, `[pscustomobject]@{}`. */
export interface ConvertExpressionAst extends NodeBase {
  readonly kind: 'Convert';
  readonly typeName: string;
  readonly operand: ExpressionAst;
}

/** A type literal on its own: `[math]`, `[int]` (as in `$x -is [int]`). */
export interface TypeExpressionAst extends NodeBase {
  readonly kind: 'TypeExpression';
  readonly typeName: string;
}

/** `$a.Name`, `$a.'Name'`, `$a.$prop`, `[math]::PI`, `$a?.Name`. */
export interface MemberExpressionAst extends NodeBase {
  readonly kind: 'Member';
  readonly target: ExpressionAst;
  /** A StringConstant (bare member name) or any expression giving the name. */
  readonly member: ExpressionAst;
  readonly isStatic: boolean;
  readonly nullConditional: boolean;
}

/** `$a.Method(1, 2)`, `[math]::Max(1, 2)`. */
export interface InvokeMemberExpressionAst extends NodeBase {
  readonly kind: 'InvokeMember';
  readonly target: ExpressionAst;
  readonly member: ExpressionAst;
  readonly arguments: readonly ExpressionAst[];
  readonly isStatic: boolean;
  readonly nullConditional: boolean;
}

/** `$a[0]`, `$a[1..3]`, `$h['key']`, `$a?[0]`. */
export interface IndexExpressionAst extends NodeBase {
  readonly kind: 'Index';
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
  readonly nullConditional: boolean;
}

export type Ast =
  | ScriptBlockAst
  | NamedBlockAst
  | ParamBlockAst
  | ParameterAst
  | AttributeAst
  | TypeConstraintAst
  | StatementAst
  | CatchClauseAst
  | CommandAst
  | CommandParameterAst
  | VerbatimArgumentAst
  | CommandExpressionAst
  | RedirectionAst
  | ExpressionAst;

// ---------------------------------------------------------------- parse results

export interface ParseError {
  /** PowerShell's wording where it has one, e.g. "Missing closing '}' in statement block or type definition." */
  readonly message: string;
  /** PowerShell's error id, e.g. `MissingEndCurlyBrace`, `UnexpectedToken`. */
  readonly errorId: string;
  readonly extent: Extent;
  /** True when more input could complete the script (open brace, trailing pipe, open string). */
  readonly incompleteInput: boolean;
}

export interface ParseResult {
  readonly ast: ScriptBlockAst;
  readonly errors: readonly ParseError[];
  /** True when every error is an incomplete-input error: the REPL asks for another line. */
  readonly incomplete: boolean;
}
