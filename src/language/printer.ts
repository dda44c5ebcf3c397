// Prints an AST back to PowerShell source. The output reparses to the same AST (extents and
// script block text aside): operator nesting needs no added parentheses because the parser
// already recorded explicit ones as Paren nodes.
import type * as A from './ast.js';
import { parseNumber } from './lexer.js';

const streamNumbers: Record<A.StreamName, string> = {
  output: '', error: '2', warning: '3', verbose: '4', debug: '5', information: '6', all: '*',
};

const controlEscapes: Record<string, string> = {
  '\0': '`0', '\x07': '`a', '\b': '`b', '\x1b': '`e', '\f': '`f', '\n': '`n', '\r': '`r', '\t': '`t', '\v': '`v',
};

/** Characters that need a backtick in a bare word. */
const bareSpecial = /[\s`$'"{}();,|&<>#@\u2018-\u201e]/;

function escapeDouble(s: string): string {
  let out = '';
  for (const ch of s) {
    const ctl = controlEscapes[ch];
    if (ctl !== undefined) out += ctl;
    else if (ch === '`' || ch === '"' || ch === '$' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e') out += '`' + ch;
    else out += ch;
  }
  return out;
}

/** True when a bare word would read back as a number, in argument or in command-name position. */
function readsAsNumber(s: string): boolean {
  if (parseNumber(s) !== null) return true;
  const prefix = /^(?:0x[0-9a-f]+|(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(?:l|d)?(?:kb|mb|gb|tb|pb)?/i.exec(s);
  return prefix !== null && !/^[\p{L}\p{Nd}_]/u.test(s.slice(prefix[0].length));
}

function escapeBare(s: string): string {
  if (s === '') return "''";
  // A backtick before a digit would be an escape only for `0; elsewhere it just quotes the digit.
  const numberAt = readsAsNumber(s) ? (s[0] === '0' ? s.search(/[^0-9abefnrtv]/) : 0) : -1;
  let out = '';
  let i = 0;
  for (const ch of s) {
    const ctl = controlEscapes[ch];
    if (ctl !== undefined) out += ctl;
    else if (bareSpecial.test(ch) || i === numberAt || (i === 0 && (ch === '-' || ch === '+' || ch === '[' || ch === ':' || (ch === '.' && s.length === 1)))) out += '`' + ch;
    else out += ch;
    i++;
  }
  return out;
}

function isSimpleVariableName(name: string): boolean {
  return /^[\p{L}\p{Nd}_]+$/u.test(name) || /^[$^?]$/.test(name);
}

function variable(v: A.VariableExpressionAst, forceBraces = false): string {
  const full = v.scope === null ? v.name : `${v.scope}:${v.name}`;
  if (v.splatted) return '@' + v.name;
  // `$$`, `$^` and `$?` end at their symbol, so text after them never joins the name.
  if (v.scope === null && /^[$^?]$/.test(v.name)) return '$' + v.name;
  if (!forceBraces && isSimpleVariableName(v.name) && (v.scope === null || /^[\p{L}\p{Nd}_]+$/u.test(v.scope))) return '$' + full;
  return '${' + full.replace(/[{}`]/g, (c) => '`' + c) + '}';
}

function stringConstant(s: A.StringConstantExpressionAst): string {
  switch (s.quote) {
    case 'bare':
      return escapeBare(s.value);
    case 'single':
      return `'${s.value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
    case 'double':
      return `"${escapeDouble(s.value)}"`;
    case 'singleHere':
      return `@'\n${s.value}\n'@`;
    case 'doubleHere':
      return `@"\n${s.value.replace(/`/g, '``').replace(/\$/g, '`$')}\n"@`;
  }
}

function expandable(e: A.ExpandableStringExpressionAst): string {
  let body = '';
  e.parts.forEach((part, i) => {
    if (typeof part === 'string') {
      body += e.quote === 'bare' ? escapeBare(part).replace(/^''$/, '') : e.quote === 'double' ? escapeDouble(part) : part.replace(/`/g, '``').replace(/\$/g, '`$');
      return;
    }
    if (part.kind === 'Variable') {
      // Braces keep the next literal from extending the name: "${x}abc", "${x}:".
      const next = e.parts[i + 1];
      const joins = typeof next === 'string' && /^[\p{L}\p{Nd}_?:]/u.test(next);
      body += variable(part, joins);
      return;
    }
    body += expression(part);
  });
  if (e.quote === 'double') return `"${body}"`;
  if (e.quote === 'doubleHere') return `@"\n${body}\n"@`;
  return body;
}

function args(list: readonly A.ExpressionAst[]): string {
  return list.map(expression).join(', ');
}

export function expression(e: A.ExpressionAst): string {
  switch (e.kind) {
    case 'Constant':
      return e.text;
    case 'StringConstant':
      return stringConstant(e);
    case 'ExpandableString':
      return expandable(e);
    case 'Variable':
      return variable(e);
    case 'ArrayLiteral':
      return e.elements.map(expression).join(', ');
    case 'ArrayExpression':
      return `@(${statements(e.statements, '; ')})`;
    case 'SubExpression':
      return `$(${statements(e.statements, '; ')})`;
    case 'Paren':
      return `(${statement(e.pipeline)})`;
    case 'Hashtable':
      return `@{${e.entries.map((en) => `${hashKey(en.key)} = ${statement(en.value)}`).join('; ')}}`;
    case 'ScriptBlockExpression':
      return `{${scriptBlockBody(e.scriptBlock)}}`;
    case 'Unary':
      return unary(e);
    case 'Binary':
      return `${expression(e.left)} ${e.operator} ${expression(e.right)}`;
    case 'Ternary':
      return `${expression(e.condition)} ? ${expression(e.ifTrue)} : ${expression(e.ifFalse)}`;
    case 'Convert':
      return `[${e.typeName}]${expression(e.operand)}`;
    case 'TypeExpression':
      return `[${e.typeName}]`;
    case 'Member':
      return `${memberTarget(e.target, e.nullConditional)}${memberOperator(e)}${memberName(e.member)}`;
    case 'InvokeMember':
      return `${memberTarget(e.target, e.nullConditional)}${memberOperator(e)}${memberName(e.member)}(${args(e.arguments)})`;
    case 'Index':
      return `${memberTarget(e.target, e.nullConditional)}${e.nullConditional ? '?[' : '['}${expression(e.index)}]`;
  }
}

function memberOperator(e: { readonly isStatic: boolean; readonly nullConditional: boolean }): string {
  return e.isStatic ? '::' : e.nullConditional ? '?.' : '.';
}

/**
 * `$x?.y` would read as the variable `x?`: a variable right before `?.`/`?[` needs `${x}`, be it
 * the target itself or the dynamic member the target ends with (`$a.${b}?.c`).
 */
function memberTarget(target: A.ExpressionAst, nullConditional: boolean): string {
  if (target.kind === 'Variable' && (nullConditional || target.name.endsWith('?'))) return variable(target, true);
  if (nullConditional && target.kind === 'Member' && target.member.kind === 'Variable') {
    return `${memberTarget(target.target, target.nullConditional)}${memberOperator(target)}${variable(target.member, true)}`;
  }
  return expression(target);
}

function memberName(m: A.ExpressionAst): string {
  if (m.kind === 'StringConstant' && m.quote === 'bare' && /^[\p{L}\p{Nd}_]+$/u.test(m.value)) return m.value;
  if (m.kind === 'StringConstant' && m.quote === 'bare') return `'${m.value.replace(/'/g, "''")}'`;
  return expression(m);
}

function hashKey(k: A.ExpressionAst): string {
  if (k.kind === 'StringConstant' && k.quote === 'bare' && /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(k.value)) return k.value;
  return expression(k);
}

function unary(e: A.UnaryExpressionAst): string {
  const operand = expression(e.operand);
  switch (e.operator) {
    case 'post++':
      return operand + '++';
    case 'post--':
      return operand + '--';
    case '!':
      return '!' + operand;
    case '++':
    case '--':
      return e.operator + operand;
    default:
      // A space keeps `- 1` from reading as the constant -1 and `-not$x` from being one word.
      return `${e.operator} ${operand}`;
  }
}

// ---------------------------------------------------------------- commands and statements

function redirection(r: A.RedirectionAst): string {
  if (r.kind === 'MergingRedirection') return `${streamNumbers[r.fromStream] || '1'}>&1`;
  return `${streamNumbers[r.fromStream]}${r.append ? '>>' : '>'} ${commandArgument(r.target)}`;
}

function commandArgument(e: A.ExpressionAst): string {
  if (e.kind === 'ArrayLiteral') return e.elements.map(commandArgument).join(', ');
  return expression(e);
}

function commandElement(e: A.CommandElementAst): string {
  if (e.kind === 'CommandParameter') return e.argument === null ? `-${e.parameterName}` : `-${e.parameterName}:${commandArgument(e.argument)}`;
  if (e.kind === 'VerbatimArgument') return `--% ${e.text}`;
  return commandArgument(e);
}

function pipelineElement(e: A.CommandAst | A.CommandExpressionAst): string {
  const redirs = e.redirections.map((r) => ' ' + redirection(r)).join('');
  if (e.kind === 'CommandExpression') return expression(e.expression) + redirs;
  const op = e.invocationOperator === null ? '' : e.invocationOperator + ' ';
  return op + e.elements.map(commandElement).join(' ') + redirs;
}

function block(b: A.StatementBlockAst): string {
  const all = [...b.traps, ...b.statements];
  return `{\n${statements(all, '\n')}\n}`;
}

function condition(c: A.StatementAst): string {
  return `(${statement(c)})`;
}

function label(l: string | null): string {
  return l === null ? '' : `:${l} `;
}

function parameter(p: A.ParameterAst): string {
  const attrs = p.attributes.map((a) => (a.kind === 'TypeConstraint' ? `[${a.typeName}]` : attribute(a))).join('');
  const def = p.defaultValue === null ? '' : ` = ${expression(p.defaultValue)}`;
  return `${attrs}${variable({ kind: 'Variable', extent: p.extent, scope: null, name: p.name, splatted: false })}${def}`;
}

function attribute(a: A.AttributeAst): string {
  const items = [
    ...a.positionalArguments.map(expression),
    ...a.namedArguments.map((n) => (n.value === null ? n.name : `${n.name} = ${expression(n.value)}`)),
  ];
  return `[${a.typeName}(${items.join(', ')})]`;
}

function typeMember(m: A.TypeMemberAst): string {
  switch (m.kind) {
    case 'PropertyMember':
      return `${m.isStatic ? 'static ' : ''}${m.typeName === null ? '' : `[${m.typeName}]`}$${m.name}${m.initialValue === null ? '' : ` = ${expression(m.initialValue)}`}`;
    case 'MethodMember':
      return `${m.isStatic ? 'static ' : ''}${m.returnType === null ? '' : `[${m.returnType}] `}${m.name}(${m.parameters.map(parameter).join(', ')}) {${scriptBlockBody(m.body)}}`;
    case 'EnumMember':
      return `${m.name}${m.value === null ? '' : ` = ${expression(m.value)}`}`;
  }
}

function statements(list: readonly A.StatementAst[], sep: string): string {
  return list.map(statement).join(sep);
}

export function statement(s: A.StatementAst): string {
  switch (s.kind) {
    case 'Pipeline':
      return s.elements.map(pipelineElement).join(' | ') + (s.background ? ' &' : '');
    case 'PipelineChain':
      return `${statement(s.left)} ${s.operator} ${statement(s.right)}${s.background ? ' &' : ''}`;
    case 'Assignment':
      return `${expression(s.target)} ${s.operator} ${statement(s.value)}`;
    case 'If':
      return s.clauses.map((c, i) => `${i === 0 ? 'if' : 'elseif'} ${condition(c.condition)} ${block(c.body)}`).join(' ')
        + (s.elseBody === null ? '' : ` else ${block(s.elseBody)}`);
    case 'Switch': {
      const flags = Object.entries(s.flags).filter(([, on]) => on).map(([name]) => ` -${name}`).join('');
      const cond = s.flags.file && s.condition.kind === 'Pipeline' && s.condition.elements[0]?.kind === 'CommandExpression'
        ? commandArgument(s.condition.elements[0].expression)
        : condition(s.condition);
      const clauses = s.clauses.map((c) => `${commandArgument(c.pattern)} ${block(c.body)}`);
      if (s.defaultBody !== null) clauses.push(`default ${block(s.defaultBody)}`);
      return `${label(s.label)}switch${flags} ${cond} {\n${clauses.join('\n')}\n}`;
    }
    case 'ForEach':
      return `${label(s.label)}foreach (${variable(s.variable)} in ${statement(s.iterable)}) ${block(s.body)}`;
    case 'For':
      return `${label(s.label)}for (${s.initializer === null ? '' : statement(s.initializer)}; ${s.condition === null ? '' : statement(s.condition)}; ${s.iterator === null ? '' : statement(s.iterator)}) ${block(s.body)}`;
    case 'While':
      return `${label(s.label)}while ${condition(s.condition)} ${block(s.body)}`;
    case 'DoLoop':
      return `${label(s.label)}do ${block(s.body)} ${s.until ? 'until' : 'while'} ${condition(s.condition)}`;
    case 'FunctionDefinition': {
      const kw = s.isFilter ? 'filter' : s.isWorkflow ? 'workflow' : 'function';
      const params = s.parameters === null ? '' : ` (${s.parameters.map(parameter).join(', ')})`;
      return `${kw} ${s.name}${params} {${scriptBlockBody(s.body)}}`;
    }
    case 'Return':
    case 'Exit':
    case 'Throw':
      return s.kind.toLowerCase() + (s.pipeline === null ? '' : ' ' + statement(s.pipeline));
    case 'Break':
    case 'Continue':
      return s.kind.toLowerCase() + (s.label === null ? '' : ' ' + commandArgument(s.label));
    case 'Try':
      return `try ${block(s.body)}`
        + s.catches.map((c) => ` catch ${c.catchTypes.map((t) => `[${t}]`).join(', ')}${c.catchTypes.length > 0 ? ' ' : ''}${block(c.body)}`).join('')
        + (s.finallyBody === null ? '' : ` finally ${block(s.finallyBody)}`);
    case 'Trap':
      return `trap ${s.trapType === null ? '' : `[${s.trapType}] `}${block(s.body)}`;
    case 'TypeDefinition':
      return `${s.isEnum ? 'enum' : 'class'} ${s.name}${s.baseTypes.length > 0 ? ' : ' + s.baseTypes.join(', ') : ''} {\n${s.members.map(typeMember).join('\n')}\n}`;
    case 'Using':
      return `using ${s.usingKind} ${s.name}`;
    case 'StatementBlock':
      return block(s);
  }
}

function namedBlock(b: A.NamedBlockAst): string {
  const all = [...b.traps, ...b.statements];
  if (b.unnamed) return statements(all, '\n');
  return `${b.blockName} {\n${statements(all, '\n')}\n}`;
}

function scriptBlockBody(sb: A.ScriptBlockAst): string {
  const parts: string[] = [];
  if (sb.paramBlock !== null) {
    const attrs = sb.paramBlock.attributes.map((a) => attribute(a) + '\n').join('');
    parts.push(`${attrs}param(${sb.paramBlock.parameters.map(parameter).join(', ')})`);
  }
  for (const b of [sb.dynamicParamBlock, sb.beginBlock, sb.processBlock, sb.endBlock, sb.cleanBlock]) {
    if (b !== null) parts.push(namedBlock(b));
  }
  return parts.length === 0 ? '' : `\n${parts.join('\n')}\n`;
}

const expressionKinds: ReadonlySet<string> = new Set<A.ExpressionAst['kind']>([
  'Constant', 'StringConstant', 'ExpandableString', 'Variable', 'ArrayLiteral', 'ArrayExpression', 'SubExpression', 'Paren',
  'Hashtable', 'ScriptBlockExpression', 'Unary', 'Binary', 'Ternary', 'Convert', 'TypeExpression', 'Member', 'InvokeMember', 'Index',
]);

/** Prints a node as PowerShell source; a ScriptBlockAst prints as a script (no braces). */
export function printAst(node: A.ScriptBlockAst | A.StatementAst | A.ExpressionAst): string {
  if (node.kind === 'ScriptBlock') return scriptBlockBody(node).replace(/^\n|\n$/g, '');
  if (expressionKinds.has(node.kind)) return expression(node as A.ExpressionAst);
  return statement(node as A.StatementAst);
}
