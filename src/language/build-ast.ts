// Typed constructors for AST nodes, used by the parser's embedded actions. They turn tokens
// (with their decoded payloads) into the nodes of ast.ts and give every node its extent.
import type * as A from './ast.js';
import type { NumberPayload, PshToken, StringPayload, VariablePayload } from './lexer.js';
import type { SourceText } from './source.js';

/** Anything with a start and an exclusive end offset: a token or a node. */
type Spanned = PshToken | { readonly extent: A.Extent };

function startOf(s: Spanned): number {
  return 'extent' in s ? s.extent.start : s.startOffset;
}
function endOf(s: Spanned): number {
  return 'extent' in s ? s.extent.end : s.endOffset! + 1;
}

const streams: Record<string, A.StreamName> = {
  '1': 'output', '2': 'error', '3': 'warning', '4': 'verbose', '5': 'debug', '6': 'information', '*': 'all',
};

export class AstBuilder {
  constructor(readonly source: SourceText) {}

  extent(from: Spanned, to: Spanned = from): A.Extent {
    return this.source.extent(startOf(from), Math.max(startOf(from), endOf(to)));
  }

  at(offset: number): A.Extent {
    return this.source.extent(offset, offset);
  }

  // ---------------------------------------------------------------- expressions

  variable(t: PshToken, splatted = false): A.VariableExpressionAst {
    const p = t.payload as VariablePayload;
    return { kind: 'Variable', extent: this.extent(t), scope: p.scope, name: p.name, splatted };
  }

  number(t: PshToken): A.ConstantExpressionAst {
    const p = t.payload as NumberPayload;
    return { kind: 'Constant', extent: this.extent(t), numberType: p.numberType, value: p.value, text: t.image };
  }

  string(t: PshToken): A.StringConstantExpressionAst {
    const p = t.payload as StringPayload;
    return { kind: 'StringConstant', extent: this.extent(t), value: p.value, quote: p.quote };
  }

  bare(t: PshToken): A.StringConstantExpressionAst {
    return { kind: 'StringConstant', extent: this.extent(t), value: t.payload as string, quote: 'bare' };
  }

  /** A placeholder where an expression is missing; the parse has an error there. */
  missing(offset: number): A.StringConstantExpressionAst {
    return { kind: 'StringConstant', extent: this.at(offset), value: '', quote: 'bare' };
  }

  expandable(start: PshToken, parts: A.ExpandableStringExpressionAst['parts'], end: PshToken | null, last: Spanned): A.ExpandableStringExpressionAst {
    const quote = (start.payload as StringPayload).quote as A.ExpandableStringExpressionAst['quote'];
    return { kind: 'ExpandableString', extent: this.extent(start, end ?? last), quote, parts };
  }

  binary(op: PshToken, left: A.ExpressionAst, right: A.ExpressionAst): A.BinaryExpressionAst {
    const operator = typeof op.payload === 'string' ? op.payload : op.image.toLowerCase();
    return { kind: 'Binary', extent: this.extent(left, right), operator, left, right };
  }

  unary(op: PshToken, operand: A.ExpressionAst): A.UnaryExpressionAst {
    const operator = (typeof op.payload === 'string' ? op.payload : op.image).toLowerCase() as A.UnaryOperator;
    return { kind: 'Unary', extent: this.extent(op, operand), operator, operand };
  }

  postfix(operand: A.ExpressionAst, op: PshToken): A.UnaryExpressionAst {
    return { kind: 'Unary', extent: this.extent(operand, op), operator: op.image === '++' ? 'post++' : 'post--', operand };
  }

  arrayLiteral(elements: A.ExpressionAst[]): A.ExpressionAst {
    if (elements.length === 1) return elements[0]!;
    return { kind: 'ArrayLiteral', extent: this.extent(elements[0]!, elements[elements.length - 1]!), elements };
  }

  ternary(condition: A.ExpressionAst, ifTrue: A.ExpressionAst, ifFalse: A.ExpressionAst): A.TernaryExpressionAst {
    return { kind: 'Ternary', extent: this.extent(condition, ifFalse), condition, ifTrue, ifFalse };
  }

  typeExpression(t: PshToken): A.TypeExpressionAst {
    return { kind: 'TypeExpression', extent: this.extent(t), typeName: t.payload as string };
  }

  convert(t: PshToken, operand: A.ExpressionAst): A.ConvertExpressionAst {
    return { kind: 'Convert', extent: this.extent(t, operand), typeName: t.payload as string, operand };
  }

  member(target: A.ExpressionAst, op: PshToken, member: A.ExpressionAst, end: Spanned): A.MemberExpressionAst {
    return {
      kind: 'Member', extent: this.extent(target, end), target, member,
      isStatic: op.image === '::', nullConditional: op.image === '?.',
    };
  }

  invoke(target: A.ExpressionAst, op: PshToken, member: A.ExpressionAst, args: A.ExpressionAst[], end: Spanned): A.InvokeMemberExpressionAst {
    return {
      kind: 'InvokeMember', extent: this.extent(target, end), target, member, arguments: args,
      isStatic: op.image === '::', nullConditional: op.image === '?.',
    };
  }

  index(target: A.ExpressionAst, op: PshToken, index: A.ExpressionAst, end: Spanned): A.IndexExpressionAst {
    return { kind: 'Index', extent: this.extent(target, end), target, index, nullConditional: op.image === '?[' };
  }

  paren(open: PshToken, pipeline: A.StatementAst, end: Spanned): A.ParenExpressionAst {
    return { kind: 'Paren', extent: this.extent(open, end), pipeline };
  }

  subExpression(open: PshToken, statements: A.StatementAst[], end: Spanned): A.SubExpressionAst | A.ArrayExpressionAst {
    const kind = open.image === '@(' ? 'ArrayExpression' : 'SubExpression';
    return { kind, extent: this.extent(open, end), statements };
  }

  hashtable(open: PshToken, entries: A.HashtableAst['entries'], end: Spanned): A.HashtableAst {
    return { kind: 'Hashtable', extent: this.extent(open, end), entries };
  }

  scriptBlockExpression(open: PshToken, scriptBlock: A.ScriptBlockAst, end: Spanned): A.ScriptBlockExpressionAst {
    return { kind: 'ScriptBlockExpression', extent: this.extent(open, end), scriptBlock };
  }

  // ---------------------------------------------------------------- script blocks

  /** A script block whose text runs from `textStart` to `textEnd` (inside the braces). */
  scriptBlock(body: ScriptBody, from: number, to: number, textStart: number, textEnd: number): A.ScriptBlockAst {
    const extent = this.source.extent(from, to);
    let endBlock = body.blocks.end;
    if (body.statements !== null) {
      const s = body.statements;
      const first = s.statements[0] ?? s.traps[0];
      const last = s.statements[s.statements.length - 1] ?? s.traps[s.traps.length - 1];
      const blockExtent = first !== undefined && last !== undefined ? this.extent(first, last) : this.source.extent(textStart, textEnd);
      endBlock = { kind: 'NamedBlock', extent: blockExtent, blockName: 'end', unnamed: true, statements: s.statements, traps: s.traps };
    }
    return {
      kind: 'ScriptBlock', extent, paramBlock: body.paramBlock,
      beginBlock: body.blocks.begin, processBlock: body.blocks.process, endBlock,
      dynamicParamBlock: body.blocks.dynamicparam, cleanBlock: body.blocks.clean,
      text: this.source.text.slice(textStart, textEnd),
    };
  }

  namedBlock(keyword: PshToken, block: A.StatementBlockAst): A.NamedBlockAst {
    return {
      kind: 'NamedBlock', extent: this.extent(keyword, block), blockName: keyword.image.toLowerCase() as A.BlockName,
      unnamed: false, statements: block.statements, traps: block.traps,
    };
  }

  statementBlock(open: Spanned, list: StatementList, end: Spanned): A.StatementBlockAst {
    return { kind: 'StatementBlock', extent: this.extent(open, end), statements: list.statements, traps: list.traps };
  }

  // ---------------------------------------------------------------- commands and pipelines

  command(first: Spanned, invocationOperator: '&' | '.' | null, elements: A.CommandElementAst[], redirections: A.RedirectionAst[], last: Spanned): A.CommandAst {
    return { kind: 'Command', extent: this.extent(first, last), invocationOperator, elements, redirections };
  }

  commandExpression(expression: A.ExpressionAst, redirections: A.RedirectionAst[]): A.CommandExpressionAst {
    const last = redirections[redirections.length - 1] ?? expression;
    return { kind: 'CommandExpression', extent: this.extent(expression, last), expression, redirections };
  }

  parameter(t: PshToken, name: string, argument: A.ExpressionAst | null): A.CommandParameterAst {
    return { kind: 'CommandParameter', extent: this.extent(t, argument ?? t), parameterName: name, argument };
  }

  verbatim(t: PshToken): A.VerbatimArgumentAst {
    return { kind: 'VerbatimArgument', extent: this.extent(t), text: t.payload as string };
  }

  fileRedirection(t: PshToken, stream: string, append: boolean, target: A.ExpressionAst): A.FileRedirectionAst {
    return { kind: 'FileRedirection', extent: this.extent(t, target), fromStream: streams[stream]!, append, target };
  }

  mergingRedirection(t: PshToken, stream: string): A.MergingRedirectionAst {
    return { kind: 'MergingRedirection', extent: this.extent(t), fromStream: streams[stream]!, toStream: 'output' };
  }

  pipeline(elements: (A.CommandAst | A.CommandExpressionAst)[], fallbackOffset: number): A.PipelineAst {
    const extent = elements.length > 0 ? this.extent(elements[0]!, elements[elements.length - 1]!) : this.at(fallbackOffset);
    return { kind: 'Pipeline', extent, elements, background: false };
  }

  chain(left: A.PipelineAst | A.PipelineChainAst, op: PshToken, right: A.PipelineAst): A.PipelineChainAst {
    return { kind: 'PipelineChain', extent: this.extent(left, right), left, operator: op.image as '&&' | '||', right, background: false };
  }

  withBackground<S extends A.PipelineAst | A.PipelineChainAst>(s: S, amp: PshToken): S {
    return { ...s, extent: this.extent(s, amp), background: true };
  }

  assignment(target: A.ExpressionAst, op: PshToken, value: A.StatementAst): A.AssignmentStatementAst {
    return { kind: 'Assignment', extent: this.extent(target, value), target, operator: op.payload as A.AssignmentOperator, value };
  }
}

export interface StatementList {
  statements: A.StatementAst[];
  traps: A.TrapStatementAst[];
}

export interface ScriptBody {
  paramBlock: A.ParamBlockAst | null;
  /** Statements outside named blocks, or null when the body has named blocks. */
  statements: StatementList | null;
  blocks: Record<'begin' | 'process' | 'end' | 'dynamicparam' | 'clean', A.NamedBlockAst | null>;
}
