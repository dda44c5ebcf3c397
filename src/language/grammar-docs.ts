// Generates the grammar documentation in grammar/ from the parser itself: EBNF text from the
// parser's GAST and Chevrotain's railroad diagrams. `npm run grammar` rewrites the files; a test
// fails when the checked-in copies no longer match the parser.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator, Terminal, createSyntaxDiagramsCode, type IProduction,
} from 'chevrotain';
import { getParser } from './parser.js';

function sequence(items: readonly IProduction[]): string {
  return items.map(production).join(' ');
}

function group(items: readonly IProduction[]): string {
  return items.length === 1 && (items[0] instanceof Terminal || items[0] instanceof NonTerminal) ? sequence(items) : `( ${sequence(items)} )`;
}

function production(p: IProduction): string {
  if (p instanceof Terminal) return p.terminalType.name;
  if (p instanceof NonTerminal) return p.nonTerminalName;
  if (p instanceof Option) return `${group(p.definition)}?`;
  if (p instanceof Repetition) return `${group(p.definition)}*`;
  if (p instanceof RepetitionMandatory) return `${group(p.definition)}+`;
  if (p instanceof RepetitionWithSeparator) return `( ${sequence(p.definition)} ( ${p.separator.name} ${sequence(p.definition)} )* )?`;
  if (p instanceof RepetitionMandatoryWithSeparator) return `${sequence(p.definition)} ( ${p.separator.name} ${sequence(p.definition)} )*`;
  if (p instanceof Alternation) return `( ${(p.definition as Alternative[]).map((alt) => sequence(alt.definition)).join(' | ')} )`;
  if (p instanceof Alternative) return sequence(p.definition);
  return '';
}

/** The grammar as EBNF (one rule a line) and as a self-contained railroad-diagram HTML page. */
export function generateGrammarDocs(): { ebnf: string; railroad: string } {
  const parser = getParser();
  const rules = Object.values(parser.getGAstProductions());
  const lines = [
    '(* psh grammar, generated from src/language/parser.ts by `npm run grammar`; do not edit. *)',
    '(* Terminals are the token types of src/language/tokens.ts; the lexer decides command vs expression mode. *)',
    '(* A closing bracket marked optional (RCurly?) is where the parser reports the missing bracket and goes on. *)',
    '(* binaryExpression nests its BinaryOp chain by precedence, lowest first: -and -or -xor; -band -bor -bxor -shl -shr; *)',
    '(* comparison (-eq -ne -gt -ge -lt -le -like -match -contains -in -replace -split -join -is -isnot -as, c/i variants); *)',
    '(* + -; * / %; -f; ..; and the comma, which builds one array literal. Above them: ?: and then ?? (lowest). *)',
    '',
    ...rules.map((r) => `${r.name} ::= ${sequence(r.definition)}`),
    '',
  ];
  return { ebnf: lines.join('\n'), railroad: createSyntaxDiagramsCode(parser.getSerializedGastProductions()) };
}

function main(): void {
  const dir = fileURLToPath(new URL('../../grammar/', import.meta.url));
  const { ebnf, railroad } = generateGrammarDocs();
  writeFileSync(dir + 'psh.ebnf', ebnf);
  writeFileSync(dir + 'railroad.html', railroad);
  console.log(`wrote ${dir}psh.ebnf and ${dir}railroad.html`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
