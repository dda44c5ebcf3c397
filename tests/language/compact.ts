// A compact, fully parenthesized rendering of the AST so test tables can state the tree shape
// in one short line: `(-eq $a (+ 3 4))`, `(Get-Job -Name Job1)`.
import type * as A from '../../src/language/ast.js';

function str(s: A.StringConstantExpressionAst): string {
  switch (s.quote) {
    case 'bare': return s.value;
    case 'single': return `'${s.value}'`;
    case 'double': return `"${s.value}"`;
    case 'singleHere': return `@'${s.value}'@`;
    case 'doubleHere': return `@"${s.value}"@`;
  }
}

function v(x: A.VariableExpressionAst): string {
  return (x.splatted ? '@' : '$') + (x.scope === null ? '' : x.scope + ':') + x.name;
}

function block(b: A.StatementBlockAst): string {
  return `{${[...b.traps, ...b.statements].map(stmt).join('; ')}}`;
}

function lbl(l: string | null): string {
  return l === null ? '' : `:${l} `;
}

function param(p: A.ParameterAst): string {
  const attrs = p.attributes.map((a) => (a.kind === 'TypeConstraint' ? `[${a.typeName}]` : attr(a))).join('');
  return `${attrs}$${p.name}${p.defaultValue === null ? '' : '=' + expr(p.defaultValue)}`;
}

function attr(a: A.AttributeAst): string {
  const items = [...a.positionalArguments.map(expr), ...a.namedArguments.map((n) => (n.value === null ? n.name : `${n.name}=${expr(n.value)}`))];
  return `[${a.typeName}(${items.join(' ')})]`;
}

function redir(r: A.RedirectionAst): string {
  return r.kind === 'MergingRedirection' ? `${r.fromStream}>&1` : `${r.fromStream}${r.append ? '>>' : '>'}${expr(r.target)}`;
}

function element(e: A.CommandElementAst): string {
  if (e.kind === 'CommandParameter') return `-${e.parameterName}${e.argument === null ? '' : ':' + expr(e.argument)}`;
  if (e.kind === 'VerbatimArgument') return `--%${e.text}`;
  return expr(e);
}

export function expr(e: A.ExpressionAst): string {
  switch (e.kind) {
    case 'Constant': return e.numberType === 'int' ? String(e.value) : `${e.value}:${e.numberType}`;
    case 'StringConstant': return str(e);
    case 'ExpandableString': return `(expand${e.quote === 'double' ? '' : ':' + e.quote} ${e.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : expr(p))).join(' ')})`;
    case 'Variable': return v(e);
    case 'ArrayLiteral': return `(, ${e.elements.map(expr).join(' ')})`;
    case 'ArrayExpression': return `(@ ${e.statements.map(stmt).join('; ')})`;
    case 'SubExpression': return `($ ${e.statements.map(stmt).join('; ')})`;
    case 'Paren': return `(paren ${stmt(e.pipeline)})`;
    case 'Hashtable': return `(hash ${e.entries.map((en) => `${expr(en.key)}=${stmt(en.value)}`).join(' ')})`;
    case 'ScriptBlockExpression': return `{${script(e.scriptBlock)}}`;
    case 'Unary': return `(${e.operator} ${expr(e.operand)})`;
    case 'Binary': return `(${e.operator} ${expr(e.left)} ${expr(e.right)})`;
    case 'Ternary': return `(? ${expr(e.condition)} ${expr(e.ifTrue)} ${expr(e.ifFalse)})`;
    case 'Convert': return `([${e.typeName}] ${expr(e.operand)})`;
    case 'TypeExpression': return `[${e.typeName}]`;
    case 'Member': return `(${e.isStatic ? '::' : e.nullConditional ? '?.' : '.'} ${expr(e.target)} ${expr(e.member)})`;
    case 'InvokeMember': return `(call${e.isStatic ? '::' : e.nullConditional ? '?.' : '.'} ${expr(e.target)} ${expr(e.member)}${e.arguments.map((a) => ' ' + expr(a)).join('')})`;
    case 'Index': return `(${e.nullConditional ? '?[]' : '[]'} ${expr(e.target)} ${expr(e.index)})`;
  }
}

export function stmt(s: A.StatementAst): string {
  switch (s.kind) {
    case 'Pipeline': {
      const els = s.elements.map((el) => {
        const r = el.redirections.map((x) => ' ' + redir(x)).join('');
        if (el.kind === 'CommandExpression') return r === '' ? expr(el.expression) : `(${expr(el.expression)}${r})`;
        return `(${el.invocationOperator === null ? '' : el.invocationOperator + ' '}${el.elements.map(element).join(' ')}${r})`;
      });
      return els.join(' | ') + (s.background ? ' &' : '');
    }
    case 'PipelineChain': return `(${s.operator} ${stmt(s.left)} ${stmt(s.right)})${s.background ? ' &' : ''}`;
    case 'Assignment': return `(${s.operator} ${expr(s.target)} ${stmt(s.value)})`;
    case 'If': return `(if ${s.clauses.map((c) => `${stmt(c.condition)} ${block(c.body)}`).join(' ')}${s.elseBody === null ? '' : ' else ' + block(s.elseBody)})`;
    case 'Switch': {
      const flags = Object.entries(s.flags).filter(([, on]) => on).map(([k]) => ' -' + k).join('');
      const clauses = s.clauses.map((c) => ` (${expr(c.pattern)} ${block(c.body)})`).join('');
      return `${lbl(s.label)}(switch${flags} ${stmt(s.condition)}${clauses}${s.defaultBody === null ? '' : ` (default ${block(s.defaultBody)})`})`;
    }
    case 'ForEach': return `${lbl(s.label)}(foreach ${v(s.variable)} ${stmt(s.iterable)} ${block(s.body)})`;
    case 'For': return `${lbl(s.label)}(for ${[s.initializer, s.condition, s.iterator].map((x) => (x === null ? '_' : stmt(x))).join(' ')} ${block(s.body)})`;
    case 'While': return `${lbl(s.label)}(while ${stmt(s.condition)} ${block(s.body)})`;
    case 'DoLoop': return `${lbl(s.label)}(do-${s.until ? 'until' : 'while'} ${block(s.body)} ${stmt(s.condition)})`;
    case 'FunctionDefinition': return `(${s.isFilter ? 'filter' : 'function'} ${s.name}${s.parameters === null ? '' : ` (${s.parameters.map(param).join(' ')})`} {${script(s.body)}})`;
    case 'Return': case 'Exit': case 'Throw': return `(${s.kind.toLowerCase()}${s.pipeline === null ? '' : ' ' + stmt(s.pipeline)})`;
    case 'Break': case 'Continue': return `(${s.kind.toLowerCase()}${s.label === null ? '' : ' ' + expr(s.label)})`;
    case 'Try': return `(try ${block(s.body)}${s.catches.map((c) => ` (catch${c.catchTypes.map((t) => ` [${t}]`).join('')} ${block(c.body)})`).join('')}${s.finallyBody === null ? '' : ` (finally ${block(s.finallyBody)})`})`;
    case 'Trap': return `(trap${s.trapType === null ? '' : ` [${s.trapType}]`} ${block(s.body)})`;
    case 'Using': return `(using ${s.usingKind} ${s.name})`;
    case 'TypeDefinition': return `(${s.isEnum ? 'enum' : 'class'} ${s.name}${s.baseTypes.map((b) => ' :' + b).join('')}${s.members.map((m) => ' ' + member(m)).join('')})`;
    case 'StatementBlock': return block(s);
  }
}

function member(m: A.TypeMemberAst): string {
  switch (m.kind) {
    case 'PropertyMember': return `(prop ${m.isStatic ? 'static ' : ''}${m.typeName === null ? '' : `[${m.typeName}]`}$${m.name}${m.initialValue === null ? '' : '=' + expr(m.initialValue)})`;
    case 'MethodMember': return `(method ${m.isStatic ? 'static ' : ''}${m.returnType === null ? '' : `[${m.returnType}]`}${m.name} (${m.parameters.map(param).join(' ')}) {${script(m.body)}})`;
    case 'EnumMember': return `(${m.name}${m.value === null ? '' : '=' + expr(m.value)})`;
  }
}

function named(b: A.NamedBlockAst): string {
  const body = [...b.traps, ...b.statements].map(stmt).join('; ');
  return b.unnamed ? body : `${b.blockName}{${body}}`;
}

export function script(sb: A.ScriptBlockAst): string {
  const parts: string[] = [];
  if (sb.paramBlock !== null) parts.push(`${sb.paramBlock.attributes.map(attr).join('')}param(${sb.paramBlock.parameters.map(param).join(' ')})`);
  for (const b of [sb.dynamicParamBlock, sb.beginBlock, sb.processBlock, sb.endBlock, sb.cleanBlock]) if (b !== null) parts.push(named(b));
  return parts.join(' ');
}
