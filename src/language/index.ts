// Public surface of the language module: parse PowerShell source into the typed AST of ast.ts,
// and print an AST back to source.
import type { ParseResult, ScriptBlockAst } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { ParseErrorSink } from './errors.js';
import { tokenize } from './lexer.js';
import { getParser } from './parser.js';
import { SourceText } from './source.js';

export type * from './ast.js';
export { printAst } from './printer.js';

/** Parses a script. Never throws: every problem, including an internal failure, becomes a ParseError. */
export function parse(source: string, fileName = '<input>'): ParseResult {
  const fast = parseOnce(source, fileName, false);
  return fast.errors.length === 0 ? fast : parseOnce(source, fileName, true);
}

function parseOnce(source: string, fileName: string, recovery: boolean): ParseResult {
  const text = new SourceText(source, fileName);
  const sink = new ParseErrorSink(text);
  const builder = new AstBuilder(text);
  let ast: ScriptBlockAst;
  try {
    const tokens = tokenize(source, sink);
    ast = getParser(recovery).parseTokens(tokens, builder, sink);
  } catch (e) {
    sink.add('InternalParserError', 0, 0, false, e instanceof Error ? e.message : String(e));
    ast = {
      kind: 'ScriptBlock', extent: text.extent(0, source.length), paramBlock: null, beginBlock: null, processBlock: null,
      endBlock: null, dynamicParamBlock: null, cleanBlock: null, text: source,
    };
  }
  const errors = [...sink.errors].sort((a, b) => a.extent.start - b.extent.start);
  return { ast, errors, incomplete: errors.length > 0 && errors.every((e) => e.incompleteInput) };
}
