// Parse errors with PowerShell's error ids and wording. The lexer and parser collect them in a
// ParseErrorSink instead of throwing, so one typo doesn't hide the next one.
import type { Extent, ParseError } from './ast.js';
import type { SourceText } from './source.js';

/** PowerShell's messages, keyed by errorId. */
export const errorMessages = {
  MissingEndCurlyBrace: () => "Missing closing '}' in statement block or type definition.",
  MissingEndParenthesisInExpression: () => "Missing closing ')' in expression.",
  MissingEndParenthesisInMethodCall: () => "Missing ')' in method call.",
  MissingEndParenthesisInFunctionParameterList: () => "Missing ')' in function parameter list.",
  MissingEndSquareBracket: () => "Missing ']' after array index expression.",
  MissingArrayIndexExpression: () => 'Array index expression is missing or not valid.',
  MissingTypename: () => 'Missing type name after \'[\'.',
  EndSquareBracketExpectedAtEndOfAttribute: () => "Missing ']' at end of attribute or type literal.",
  TerminatorExpectedAtEndOfString: (terminator: string) => `The string is missing the terminator: ${terminator}.`,
  UnexpectedToken: (token: string) => `Unexpected token '${token}' in expression or statement.`,
  MissingExpressionAfterOperator: (operator: string) => `You must provide a value expression following the '${operator}' operator.`,
  MissingExpression: () => 'An expression was expected after \'(\'.',
  EmptyPipeElement: () => 'An empty pipe element is not allowed.',
  MissingFileSpecification: () => 'Missing file specification after redirection operator.',
  RedirectionNotSupported: (operator: string) => `The '${operator}' operator is reserved for future use.`,
  MissingOpenParenthesisInIfStatement: (keyword: string) => `Missing '(' after '${keyword}' in if statement.`,
  MissingOpenParenthesisAfterKeyword: (keyword: string) => `Missing opening '(' after keyword '${keyword}'.`,
  MissingEndParenthesisAfterStatement: (keyword: string) => `Missing closing ')' after expression in '${keyword}' statement.`,
  MissingStatementBlock: (after: string) => `Missing statement block after ${after}.`,
  MissingVariableNameAfterForeach: () => 'Missing variable name after foreach.',
  MissingInInForeach: () => "Missing 'in' after variable in foreach loop.",
  MissingFunctionName: () => 'Function name is missing.',
  MissingFunctionBody: () => 'Missing function body in function declaration.',
  MissingCatchOrFinally: () => 'The Try statement is missing its Catch or Finally block.',
  MissingWhileOrUntilInDoWhile: () => "Missing while or until keyword in do loop.",
  MissingEqualsInHashLiteral: () => "Missing '=' operator after key in hash literal.",
  MissingPropertyName: () => 'Missing property name after reference operator.',
  MissingExpressionAfterToken: (token: string) => `Missing expression after '${token}'.`,
  MissingNameAfterKeyword: (keyword: string) => `Missing name after ${keyword} keyword.`,
  MissingUsingStatementDirective: () => 'Missing using directive',
  MissingUsingItemName: () => 'Missing using name',
  MissingStatementAfterAssignment: (operator: string) => `You must provide a value expression following the '${operator}' operator.`,
  IncompleteLineContinuation: () => 'Missing character after the line continuation character (`).',
  InternalParserError: (detail: string) => `The parser failed unexpectedly: ${detail}`,
} as const;

export type ParseErrorId = keyof typeof errorMessages;

/** Collects errors for one parse; keeps at most one error per offset so recovery doesn't repeat itself. */
export class ParseErrorSink {
  readonly errors: ParseError[] = [];
  private readonly seen = new Set<number>();

  constructor(private readonly source: SourceText) {}

  add<K extends ParseErrorId>(
    errorId: K,
    start: number,
    end: number,
    incompleteInput: boolean,
    ...args: Parameters<(typeof errorMessages)[K]>
  ): void {
    if (this.seen.has(start)) return;
    this.seen.add(start);
    const message = (errorMessages[errorId] as (...a: unknown[]) => string)(...args);
    const extent: Extent = this.source.extent(start, end);
    this.errors.push({ message, errorId, extent, incompleteInput });
  }
}
