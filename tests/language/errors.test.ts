// Parse error tables: PowerShell's error id, position (1-based) and whether more input could complete the script.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/language/index.js';

const cases: { source: string; errorId: string; line: number; column: number; incomplete: boolean }[] = [
  { source: "if ($x) {", errorId: "MissingEndCurlyBrace", line: 1, column: 9, incomplete: true },
  { source: "{ 1", errorId: "MissingEndCurlyBrace", line: 1, column: 1, incomplete: true },
  { source: "(1 + 2", errorId: "MissingEndParenthesisInExpression", line: 1, column: 7, incomplete: true },
  { source: "\"abc", errorId: "TerminatorExpectedAtEndOfString", line: 1, column: 1, incomplete: true },
  { source: "'abc", errorId: "TerminatorExpectedAtEndOfString", line: 1, column: 1, incomplete: true },
  { source: "@\"\nabc", errorId: "TerminatorExpectedAtEndOfString", line: 2, column: 4, incomplete: true },
  { source: "1 +", errorId: "MissingExpressionAfterOperator", line: 1, column: 4, incomplete: true },
  // A missing operand is reported just after its operator (PowerShell's After(token)), on the operator's line.
  { source: "1 +\n\n", errorId: "MissingExpressionAfterOperator", line: 1, column: 4, incomplete: true },
  { source: "1 + )", errorId: "MissingExpressionAfterOperator", line: 1, column: 4, incomplete: false },
  { source: "Get-A |", errorId: "EmptyPipeElement", line: 1, column: 7, incomplete: true },
  { source: "Get-A | | Get-B", errorId: "EmptyPipeElement", line: 1, column: 9, incomplete: false },
  { source: "Get-A >", errorId: "MissingFileSpecification", line: 1, column: 7, incomplete: true },
  { source: "$x = ", errorId: "MissingExpressionAfterOperator", line: 1, column: 5, incomplete: true },
  { source: "function f {", errorId: "MissingEndCurlyBrace", line: 1, column: 12, incomplete: true },
  { source: "$a[", errorId: "MissingArrayIndexExpression", line: 1, column: 4, incomplete: true },
  { source: "$a[0", errorId: "MissingEndSquareBracket", line: 1, column: 5, incomplete: true },
  { source: "$x.Foo(1", errorId: "MissingEndParenthesisInMethodCall", line: 1, column: 9, incomplete: true },
  { source: "foo `", errorId: "IncompleteLineContinuation", line: 1, column: 5, incomplete: true },
  { source: "$x $y", errorId: "UnexpectedToken", line: 1, column: 4, incomplete: false },
  { source: "1 2", errorId: "UnexpectedToken", line: 1, column: 3, incomplete: false },
  { source: "if ($x) { 1 } }", errorId: "UnexpectedToken", line: 1, column: 15, incomplete: false },
  { source: ")", errorId: "UnexpectedToken", line: 1, column: 1, incomplete: false },
  { source: "if", errorId: "MissingOpenParenthesisInIfStatement", line: 1, column: 3, incomplete: true },
  { source: "if $x { }", errorId: "MissingOpenParenthesisInIfStatement", line: 1, column: 3, incomplete: false },
  { source: "while $x { }", errorId: "MissingOpenParenthesisAfterKeyword", line: 1, column: 6, incomplete: false },
  { source: "if ($x", errorId: "MissingEndParenthesisAfterStatement", line: 1, column: 7, incomplete: true },
  { source: "foreach ($x $y) { }", errorId: "MissingInInForeach", line: 1, column: 13, incomplete: false },
  { source: "foreach (", errorId: "MissingVariableNameAfterForeach", line: 1, column: 10, incomplete: true },
  { source: "try { }", errorId: "MissingCatchOrFinally", line: 1, column: 8, incomplete: true },
  { source: "switch ($x) {", errorId: "MissingEndCurlyBrace", line: 1, column: 13, incomplete: true },
  { source: "@{ a = 1", errorId: "MissingEndCurlyBrace", line: 1, column: 1, incomplete: true },
  { source: "echo a\"b c", errorId: "TerminatorExpectedAtEndOfString", line: 1, column: 7, incomplete: true },
  { source: "echo a$(1)'b", errorId: "TerminatorExpectedAtEndOfString", line: 1, column: 11, incomplete: true },
  { source: "using foo; 1", errorId: "MissingUsingStatementDirective", line: 1, column: 10, incomplete: false },
  { source: "using namespace", errorId: "MissingUsingItemName", line: 1, column: 16, incomplete: true },
  { source: "@{ a 1 }", errorId: "MissingEqualsInHashLiteral", line: 1, column: 8, incomplete: false },
  { source: "$(1", errorId: "MissingEndParenthesisInExpression", line: 1, column: 4, incomplete: true },
  { source: "@(1", errorId: "MissingEndParenthesisInExpression", line: 1, column: 4, incomplete: true },
  { source: "[int", errorId: "UnexpectedToken", line: 1, column: 1, incomplete: false },
  { source: "$x.", errorId: "MissingPropertyName", line: 1, column: 4, incomplete: true },
  { source: "1 -foo 2", errorId: "UnexpectedToken", line: 1, column: 3, incomplete: false },
  { source: "Get-A <file", errorId: "RedirectionNotSupported", line: 1, column: 7, incomplete: false },
  { source: "\"$(1 + \"", errorId: "TerminatorExpectedAtEndOfString", line: 1, column: 8, incomplete: true },
  { source: "param(", errorId: "MissingEndParenthesisInFunctionParameterList", line: 1, column: 7, incomplete: true },
  { source: "class", errorId: "MissingNameAfterKeyword", line: 1, column: 6, incomplete: true },
  { source: "do { }", errorId: "MissingWhileOrUntilInDoWhile", line: 1, column: 7, incomplete: true },
  { source: "$a ? 1", errorId: "MissingExpressionAfterToken", line: 1, column: 7, incomplete: true },
  { source: "1 ??", errorId: "MissingExpressionAfterOperator", line: 1, column: 5, incomplete: true },
  { source: "-not", errorId: "MissingExpressionAfterOperator", line: 1, column: 5, incomplete: true },
  { source: "[Parameter(", errorId: "UnexpectedToken", line: 1, column: 1, incomplete: false },
  { source: "while ($x) {}\n}\n$y $z", errorId: "UnexpectedToken", line: 2, column: 1, incomplete: false },
  { source: "&&", errorId: "UnexpectedToken", line: 1, column: 1, incomplete: false },
  { source: "Get-A &&", errorId: "MissingExpressionAfterOperator", line: 1, column: 9, incomplete: true },
  { source: "$a [0]", errorId: "UnexpectedToken", line: 1, column: 4, incomplete: false },
  { source: "Get-A\n{ 1", errorId: "MissingEndCurlyBrace", line: 2, column: 1, incomplete: true },
  { source: "$x = @(\n1,\n", errorId: "MissingExpressionAfterOperator", line: 2, column: 3, incomplete: true },
];

describe("parse errors", () => {
  for (const c of cases) {
    it(JSON.stringify(c.source), () => {
      const result = parse(c.source, "test.ps1");
      const first = result.errors[0];
      expect(first).toBeDefined();
      expect({ errorId: first!.errorId, line: first!.extent.startLine, column: first!.extent.startColumn, incomplete: result.incomplete })
        .toEqual({ errorId: c.errorId, line: c.line, column: c.column, incomplete: c.incomplete });
      expect(first!.extent.file).toBe("test.ps1");
    });
  }
});

const messages: { source: string; message: string }[] = [
  { source: "if ($x) {", message: "Missing closing \x27}\x27 in statement block or type definition." },
  { source: "if $x { }", message: "Missing \x27(\x27 after \x27if\x27 in if statement." },
  { source: "(1 + 2", message: "Missing closing \x27)\x27 in expression." },
  { source: "\"abc", message: "The string is missing the terminator: \"." },
  { source: "\x27abc", message: "The string is missing the terminator: \x27." },
  { source: "1 2", message: "Unexpected token \x272\x27 in expression or statement." },
  { source: "1 +", message: "You must provide a value expression following the \x27+\x27 operator." },
  { source: "Get-A |", message: "An empty pipe element is not allowed." },
  { source: "Get-A >", message: "Missing file specification after redirection operator." },
  { source: "Get-A < x", message: "The \x27<\x27 operator is reserved for future use." },
];

describe("parse error messages", () => {
  for (const c of messages) {
    it(JSON.stringify(c.source), () => {
      expect(parse(c.source).errors[0]?.message).toBe(c.message);
    });
  }
});

describe("several errors in one file", () => {
  it("reports each bad line and keeps the good statements", () => {
    const result = parse("1 2\nGet-A\n$x $y\n(3");
    expect(result.errors.map((e) => [e.errorId, e.extent.startLine])).toEqual([
      ["UnexpectedToken", 1], ["UnexpectedToken", 3], ["MissingEndParenthesisInExpression", 4],
    ]);
    expect(result.incomplete).toBe(false);
    expect(result.ast.endBlock?.statements.length).toBe(4);
  });
});
