// Token tables: the same characters tokenize differently in command mode and expression mode.
import { describe, expect, it } from 'vitest';
import { ParseErrorSink } from '../../src/language/errors.js';
import { tokenize } from '../../src/language/lexer.js';
import { SourceText } from '../../src/language/source.js';

/** Punctuation shows as its token type, everything else as type:image. */
const plain = new Set(['Newline', 'Semicolon', 'Pipe', 'LParen', 'RParen', 'LCurly', 'RCurly', 'LBracket', 'RBracket', 'Comma', 'ArgComma', 'CallParen', 'MemberDot', 'ColonColon', 'StringExpandStart', 'BareExpandStart', 'StringExpandEnd']);

function dump(source: string): string {
  const tokens = tokenize(source, new ParseErrorSink(new SourceText(source, 'test.ps1')));
  return tokens.map((t) => (plain.has(t.tokenType.name) ? t.tokenType.name : `${t.tokenType.name}:${t.image}`)).join(' ');
}

const cases: { source: string; want: string }[] = [
  { source: "Get-Job -Name Job1 c:\\logs\\x.txt", want: "BareWord:Get-Job Parameter:-Name BareWord:Job1 BareWord:c:\\logs\\x.txt" },
  { source: "$a -eq 3 + 4", want: "Variable:$a ComparisonDashOp:-eq Number:3 Plus:+ Number:4" },
  { source: "Write-Output -1", want: "BareWord:Write-Output Number:-1" },
  { source: "$x = -1", want: "Variable:$x Equals:= Number:-1" },
  { source: "-not $x", want: "UnaryDashOp:-not Variable:$x" },
  { source: "ls *.txt", want: "BareWord:ls BareWord:*.txt" },
  { source: "Get-A -Name:value", want: "BareWord:Get-A Parameter:-Name: BareWord:value" },
  { source: "Get-A @splat", want: "BareWord:Get-A SplatVariable:@splat" },
  { source: "& $sb", want: "CallOperator:& Variable:$sb" },
  { source: ". ./lib.ps1", want: "DotSource:. BareWord:./lib.ps1" },
  { source: "./x.ps1 -a 1", want: "BareWord:./x.ps1 Parameter:-a Number:1" },
  { source: "echo --% a | b", want: "BareWord:echo VerbatimArgument:--% a  Pipe BareWord:b" },
  { source: "Select-Object Name, Id", want: "BareWord:Select-Object BareWord:Name Comma BareWord:Id" },
  { source: "$a[0]", want: "Variable:$a LBracket Number:0 RBracket" },
  { source: "[int]$x", want: "TypeLiteral:[int] Variable:$x" },
  { source: "[math]::Max(1,2)", want: "TypeLiteral:[math] ColonColon Identifier:Max CallParen Number:1 ArgComma Number:2 RParen" },
  { source: "$x.Foo()", want: "Variable:$x MemberDot Identifier:Foo CallParen RParen" },
  { source: "${x}?.y", want: "Variable:${x} NullDot:?. Identifier:y" },
  { source: "$a ?? $b", want: "Variable:$a QuestionQuestion:?? Variable:$b" },
  { source: "$a ? 1 : 2", want: "Variable:$a Question:? Number:1 Colon:: Number:2" },
  { source: "a && b || c", want: "BareWord:a AndAnd:&& BareWord:b OrOr:|| BareWord:c" },
  { source: "Get-A 2>&1 > out.txt", want: "BareWord:Get-A MergeRedirect:2>&1 FileRedirect:> BareWord:out.txt" },
  { source: "Get-A &", want: "BareWord:Get-A Background:&" },
  { source: "1..10", want: "Number:1 DotDot:.. Number:10" },
  { source: "$x -CEQ 1", want: "Variable:$x ComparisonDashOp:-CEQ Number:1" },
  { source: "$x -iLike 'a'", want: "Variable:$x ComparisonDashOp:-iLike StringLiteral:'a'" },
  { source: "'{0}' -f $x", want: "StringLiteral:'{0}' FormatOp:-f Variable:$x" },
  { source: "\"a$b\"", want: "StringExpandStart StringText:a Variable:$b StringExpandEnd" },
  { source: "\"no vars\"", want: "StringLiteral:\"no vars\"" },
  { source: "foreach-object { $_ }", want: "BareWord:foreach-object LCurly Variable:$_ RCurly" },
  { source: "foreach ($a in $b) {}", want: "Foreach:foreach LParen Variable:$a In:in Variable:$b RParen LCurly RCurly" },
  { source: "1 | foreach { }", want: "Number:1 Pipe BareWord:foreach LCurly RCurly" },
  { source: ":outer while (1) {}", want: "Label::outer While:while LParen Number:1 RParen LCurly RCurly" },
  { source: "x = 1", want: "BareWord:x BareWord:= Number:1" },
  { source: "function f { }", want: "Function:function BareWord:f LCurly RCurly" },
  { source: "$x.if", want: "Variable:$x MemberDot Identifier:if" },
  { source: "@{ if = 1 }", want: "AtCurly:@{ Identifier:if Equals:= Number:1 RCurly" },
  { source: "[Parameter(Mandatory)]", want: "AttributeOpen:[Parameter( Identifier:Mandatory RParen RBracket" },
  { source: "Get-Item $dir\\file", want: "BareWord:Get-Item BareExpandStart Variable:$dir StringText:\\file StringExpandEnd" },
  { source: "get-thing a=b,c", want: "BareWord:get-thing BareWord:a=b Comma BareWord:c" },
  { source: "$x -is [int] -and $y", want: "Variable:$x ComparisonDashOp:-is TypeLiteral:[int] LogicalDashOp:-and Variable:$y" },
  { source: "Write-Output 0x10 1kb", want: "BareWord:Write-Output Number:0x10 Number:1kb" },
  { source: "`\nfoo", want: "BareWord:foo" },
  { source: "$x = 1\n\n$y", want: "Variable:$x Equals:= Number:1 Newline Variable:$y" },
  { source: "Get-A |\n  Get-B", want: "BareWord:Get-A Pipe BareWord:Get-B" },
  { source: "if ($a) {\n} \n else {}", want: "If:if LParen Variable:$a RParen LCurly Newline RCurly Else:else LCurly RCurly" },
  { source: "$x = 1 +\n 2", want: "Variable:$x Equals:= Number:1 Plus:+ Number:2" },
  { source: "Get-A # comment\nGet-B", want: "BareWord:Get-A Newline BareWord:Get-B" },
  { source: "<# multi\nline #> Get-A", want: "BareWord:Get-A" },
  { source: "$x.Method(\n 1,\n 2\n)", want: "Variable:$x MemberDot Identifier:Method CallParen Number:1 ArgComma Number:2 RParen" },
  { source: "\"$($a)b\"", want: "StringExpandStart DollarParen:$( Variable:$a RParen StringText:b StringExpandEnd" },
  { source: "@\x27\nhere\n\x27@", want: "StringLiteral:@\x27\nhere\n\x27@" },
  { source: "$env:PATH", want: "Variable:$env:PATH" },
  { source: "$a -band $b -shr 1", want: "Variable:$a BitwiseDashOp:-band Variable:$b BitwiseDashOp:-shr Number:1" },
  { source: "$a -xor $b", want: "Variable:$a LogicalDashOp:-xor Variable:$b" },
  { source: "-split $s", want: "UnaryDashOp:-split Variable:$s" },
  { source: "$s -split \x27,\x27", want: "Variable:$s ComparisonDashOp:-split StringLiteral:\x27,\x27" },
  { source: "$x++; --$y", want: "Variable:$x PlusPlus:++ Semicolon MinusMinus:-- Variable:$y" },
  { source: "$a ??= 1", want: "Variable:$a CompoundAssign:??= Number:1" },
  { source: "$a += 1", want: "Variable:$a CompoundAssign:+= Number:1" },
];

describe("lexer", () => {
  for (const c of cases) {
    it(JSON.stringify(c.source), () => {
      expect(dump(c.source)).toBe(c.want);
    });
  }
});
