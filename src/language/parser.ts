// The psh grammar as a Chevrotain EmbeddedActionsParser over the tokens of lexer.ts. Rules hold
// grammar; node construction is delegated to AstBuilder (build-ast.ts). Errors that PowerShell
// names (missing closing brace, empty pipe element ...) are detected here with OPTIONs and
// reported with PowerShell's ids, so Chevrotain's own recovery is only the last resort.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IOrAlt, type IRecognitionException, type IRuleConfig, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { LazyLookaheadStrategy } from './lazy-lookahead.js';
import { AstBuilder, type ScriptBody, type StatementList } from './build-ast.js';
import type { ParseErrorSink, ParseErrorId, errorMessages } from './errors.js';
import type { ParameterPayload, PshToken, RedirectPayload } from './lexer.js';
import * as T from './tokens.js';

type Cond = A.PipelineAst | A.PipelineChainAst | A.AssignmentStatementAst;

/** A named attribute argument has a name; a positional one has only a value. */
interface AttributeArgument { readonly name: string | null; readonly value: A.ExpressionAst | null }

/** Tokens that can start a unary expression: after `[type]` they make it a cast. */
const castOperandStarts: readonly TokenType[] = [
  T.Variable, T.SplatVariable, T.Number, T.StringLiteral, T.StringExpandStart, T.BareExpandStart, T.LParen, T.DollarParen, T.AtParen,
  T.AtCurly, T.LCurly, T.TypeLiteral, T.Exclaim, T.Minus, T.Plus, T.PlusPlus, T.MinusMinus, T.UnaryDashOp,
];
const openers: readonly TokenType[] = [T.LParen, T.CallParen, T.LCurly, T.AtParen, T.AtCurly, T.DollarParen, T.LBracket, T.NullBracket, T.AttributeOpen];
const closers: readonly TokenType[] = [T.RParen, T.RCurly, T.RBracket];

/** Binary precedence from about_Operator_Precedence: logical < bitwise < comparison < additive < multiplicative < -f < .. < comma. */
function binaryPrecedence(t: IToken): number {
  switch (t.tokenType) {
    case T.LogicalDashOp: return 1;
    case T.BitwiseDashOp: return 2;
    case T.ComparisonDashOp: return 3;
    case T.Plus: case T.Minus: return 4;
    case T.Star: case T.Slash: case T.Percent: return 5;
    case T.FormatOp: return 6;
    case T.DotDot: return 7;
    default: return 8; // Comma
  }
}

function is(t: IToken, type: TokenType): boolean {
  return t.tokenType === type;
}

export class PshParser extends EmbeddedActionsParser {
  // Alternatives of hot rules are built once instead of on every call (Chevrotain's advice).
  private altStatement?: IOrAlt<A.StatementAst>[];
  private altPrimary?: IOrAlt<A.ExpressionAst>[];
  private altUnaryOp?: IOrAlt<IToken>[];
  private altUnary?: IOrAlt<A.ExpressionAst>[];
  private altMemberName?: IOrAlt<A.ExpressionAst>[];
  private altCommandPrimary?: IOrAlt<A.ExpressionAst>[];
  private altPipelineElement?: IOrAlt<A.CommandAst | A.CommandExpressionAst>[];
  /** Set for each parse by parseTokens. */
  private b!: AstBuilder;
  private sink!: ParseErrorSink;
  private sourceLength = 0;
  private skipDepth = 0;
  private skipReported = false;

  readonly lookahead: LazyLookaheadStrategy;

  constructor(recovery: boolean) {
    const lookahead = new LazyLookaheadStrategy(1);
    super(T.allTokens, { recoveryEnabled: recovery, maxLookahead: 1, skipValidations: true, lookaheadStrategy: lookahead });
    this.lookahead = lookahead;
    this.performSelfAnalysis();
  }

  parseTokens(tokens: PshToken[], builder: AstBuilder, sink: ParseErrorSink): A.ScriptBlockAst {
    this.b = builder;
    this.sink = sink;
    this.sourceLength = builder.source.text.length;
    this.input = tokens;
    const ast = this.script() as A.ScriptBlockAst | undefined;
    for (const e of this.errors) {
      const t = e.token;
      const start = Number.isNaN(t.startOffset) ? this.sourceLength : t.startOffset;
      const atEnd = tokenMatcher(t, EOF);
      this.sink.add('UnexpectedToken', start, atEnd ? start : t.endOffset! + 1, atEnd, atEnd ? 'end of input' : t.image);
    }
    if (ast === undefined) throw new Error('no syntax tree after error recovery');
    return ast;
  }

  /** Every rule gets a placeholder result for Chevrotain's error recovery, so actions never see undefined. */
  protected override RULE<F extends (...args: any[]) => any>(name: string, implementation: F, config?: IRuleConfig<ReturnType<F>>): ParserMethod<Parameters<F>, ReturnType<F>> {
    return super.RULE(name, implementation, { recoveryValueFunc: (e: IRecognitionException) => this.recoveryValue(name, e) as ReturnType<F>, ...config });
  }

  /** Chevrotain's inserted tokens carry no payload; re-syncing with placeholders is enough. */
  canRecoverWithSingleTokenInsertion(): boolean {
    return false;
  }

  private recoveryValue(rule: string, e: IRecognitionException): unknown {
    const at = this.offsetOf(e.token);
    const emptyBody = (): ScriptBody => ({ paramBlock: null, statements: { statements: [], traps: [] }, blocks: { begin: null, process: null, end: null, dynamicparam: null, clean: null } });
    const emptyBlock = (): A.StatementBlockAst => ({ kind: 'StatementBlock', extent: this.b.at(at), statements: [], traps: [] });
    switch (rule) {
      case 'script': return this.b.scriptBlock(emptyBody(), 0, this.sourceLength, 0, this.sourceLength);
      case 'scriptBody': return emptyBody();
      case 'statementList': return { statements: [], traps: [] };
      case 'parameterList': case 'redirections': case 'callArguments': return [];
      case 'statementEnd': return undefined;
      case 'stringParts': return { parts: [], end: null };
      case 'paramBlock': return { kind: 'ParamBlock', extent: this.b.at(at), attributes: [], parameters: [] } satisfies A.ParamBlockAst;
      case 'parameter': return { kind: 'Parameter', extent: this.b.at(at), name: '', attributes: [], defaultValue: null } satisfies A.ParameterAst;
      case 'attributeArgument': return { name: null, value: this.b.missing(at) } satisfies AttributeArgument;
      case 'attribute': return { kind: 'Attribute', extent: this.b.at(at), typeName: '', positionalArguments: [], namedArguments: [] } satisfies A.AttributeAst;
      case 'requiredBlock': case 'statementBlock': return emptyBlock();
      case 'scriptBlockExpression': return this.b.scriptBlockExpression(e.token as PshToken, this.b.scriptBlock(emptyBody(), at, at, at, at), e.token as PshToken);
      case 'enumMember': case 'typeMember': return { kind: 'EnumMember', extent: this.b.at(at), name: '', value: null } satisfies A.TypeMemberAst;
      case 'redirection': return { kind: 'MergingRedirection', extent: this.b.at(at), fromStream: 'error', toStream: 'output' } satisfies A.RedirectionAst;
      case 'command': return this.b.command(e.token as PshToken, null, [], [], e.token as PshToken);
      case 'pipelineElement': return this.b.commandExpression(this.b.missing(at), []);
      case 'statement': case 'labeledStatement': case 'ifStatement': case 'switchStatement': case 'foreachStatement': case 'forStatement':
      case 'whileStatement': case 'doStatement': case 'functionDefinition': case 'flowStatement': case 'breakStatement': case 'tryStatement':
      case 'trapStatement': case 'typeDefinition': case 'usingStatement': case 'pipelineStatement': case 'pipeline': case 'condition':
        return this.b.pipeline([], at);
      default: return this.b.missing(at);
    }
  }

  // ---------------------------------------------------------------- helpers (used inside ACTION)

  private offsetOf(t: IToken): number {
    return Number.isNaN(t.startOffset) ? this.sourceLength : t.startOffset;
  }

  private atEnd(): boolean {
    return tokenMatcher(this.LA(1), EOF);
  }

  /** Reports an error at the next token (or the end of input, which makes it "incomplete"). */
  private errorHere<K extends ParseErrorId>(id: K, ...args: Parameters<(typeof errorMessages)[K]>): void {
    const t = this.LA(1);
    const start = this.offsetOf(t);
    const atEnd = this.atEnd();
    this.sink.add(id, start, atEnd ? start : t.endOffset! + 1, atEnd, ...args);
  }

  /**
   * Reports an error just after token t, where PowerShell points for a missing operand: the
   * operand may be looked for past newlines, but the error belongs to the operator's line.
   */
  private errorAfter<K extends ParseErrorId>(t: IToken, id: K, ...args: Parameters<(typeof errorMessages)[K]>): void {
    const at = t.endOffset! + 1;
    this.sink.add(id, at, at, this.atEnd(), ...args);
  }

  /** Reports an error at token t; it is "incomplete" only when the input ended there. */
  private errorAt<K extends ParseErrorId>(id: K, t: IToken, incomplete: boolean, ...args: Parameters<(typeof errorMessages)[K]>): void {
    const start = this.offsetOf(t);
    this.sink.add(id, start, Number.isNaN(t.startOffset) ? start : t.endOffset! + 1, incomplete, ...args);
  }

  private missingClose(id: 'MissingEndCurlyBrace' | 'MissingEndParenthesisInExpression' | 'MissingEndSquareBracket' | 'MissingEndParenthesisInMethodCall' | 'MissingEndParenthesisInFunctionParameterList', open: IToken): void {
    // PowerShell points at the opening bracket for a missing '}', at the current token otherwise.
    if (id === 'MissingEndCurlyBrace') this.errorAt(id, open, this.atEnd());
    else this.errorHere(id);
  }

  /** The next token is `{` with nothing between it and the token before (`.Where{`). */
  private curlyTouchesPrevious(): boolean {
    const next = this.LA(1);
    const prev = this.LA(0);
    return is(next, T.LCurly) && prev !== undefined && !Number.isNaN(prev.startOffset) && next.startOffset === prev.endOffset! + 1;
  }

  /** The last consumed token, or an empty token at the current position when there is none. */
  private prev(): PshToken {
    const t = this.LA(0);
    if (t !== undefined && !Number.isNaN(t.startOffset)) return t as PshToken;
    const at = this.here();
    return { image: '', startOffset: at, endOffset: at - 1, tokenType: T.Unknown, tokenTypeIdx: T.Unknown.tokenTypeIdx!, payload: undefined };
  }

  /** True when attributes (if any) are followed by `param`: the start of a param block. */
  private startsParamBlock(): boolean {
    let depth = 0;
    for (let k = 1; k < 500; k++) {
      const t = this.LA(k);
      if (tokenMatcher(t, EOF)) return false;
      if (depth === 0) {
        if (is(t, T.Param)) return true;
        if (is(t, T.RBracket) || is(t, T.Newline)) continue;
        if (!is(t, T.AttributeOpen)) return false;
      }
      if (openers.includes(t.tokenType)) depth++;
      else if (is(t, T.RParen) || is(t, T.RCurly) || is(t, T.RBracket)) depth--;
      if (depth < 0) return false;
    }
    return false;
  }

  /** PowerShell reports a missing '(' right after the keyword. */
  private missingOpenParen(keyword: string): void {
    const at = this.endOfPrevious();
    const id = keyword === 'if' || keyword === 'elseif' ? 'MissingOpenParenthesisInIfStatement' : 'MissingOpenParenthesisAfterKeyword';
    this.sink.add(id, at, at, this.atEnd(), keyword);
  }

  private here(): number {
    return this.offsetOf(this.LA(1));
  }

  private endOfPrevious(): number {
    const prev = this.LA(0);
    return prev === undefined || Number.isNaN(prev.startOffset) ? 0 : prev.endOffset! + 1;
  }

  private isStatementEnd(): boolean {
    const t = this.LA(1);
    if (this.skipDepth > 0) return tokenMatcher(t, EOF);
    return is(t, T.Newline) || is(t, T.Semicolon) || is(t, T.RCurly) || is(t, T.RParen) || tokenMatcher(t, EOF);
  }

  private isListEnd(): boolean {
    const t = this.LA(1);
    return is(t, T.RCurly) || is(t, T.RParen) || tokenMatcher(t, EOF);
  }

  private startsCastOperand(): boolean {
    const t = this.LA(1).tokenType;
    return castOperandStarts.includes(t);
  }

  private skipToken(t: IToken): void {
    if (!this.skipReported) {
      this.skipReported = true;
      this.errorAt('UnexpectedToken', t, false, t.image);
    }
    if (openers.includes(t.tokenType) || is(t, T.StringExpandStart) || is(t, T.BareExpandStart)) this.skipDepth++;
    else if ((closers.includes(t.tokenType) || is(t, T.StringExpandEnd)) && this.skipDepth > 0) this.skipDepth--;
  }

  // ---------------------------------------------------------------- script blocks

  public script = this.RULE('script', (): A.ScriptBlockAst => {
    const body = this.SUBRULE(this.scriptBody);
    this.MANY({
      GATE: () => !this.atEnd(),
      DEF: () => {
        const t = this.CONSUME(T.Any);
        this.ACTION(() => this.errorAt('UnexpectedToken', t, false, t.image));
        const more = this.SUBRULE(this.statementList);
        this.ACTION(() => {
          const list = body.statements ?? (body.statements = { statements: [], traps: [] });
          list.statements.push(...more.statements);
          list.traps.push(...more.traps);
        });
      },
    });
    return this.ACTION(() => this.b.scriptBlock(body, 0, this.sourceLength, 0, this.sourceLength));
  });

  private scriptBody = this.RULE('scriptBody', (): ScriptBody => {
    const body: ScriptBody = { paramBlock: null, statements: null, blocks: { begin: null, process: null, end: null, dynamicparam: null, clean: null } };
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(T.Newline) }, { ALT: () => this.CONSUME(T.Semicolon) }]));
    this.OPTION({ GATE: () => this.startsParamBlock(), DEF: () => {
      const p = this.SUBRULE(this.paramBlock);
      this.ACTION(() => (body.paramBlock = p));
      this.MANY3(() => this.OR4([{ ALT: () => this.CONSUME3(T.Newline) }, { ALT: () => this.CONSUME3(T.Semicolon) }]));
    } });
    this.OR2({ IGNORE_AMBIGUITIES: true, DEF: [
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => {
            const kw = this.CONSUME(T.NamedBlockKeyword);
            const block = this.SUBRULE(this.requiredBlock, { ARGS: [kw.image] });
            this.ACTION(() => {
              const named = this.b.namedBlock(kw as PshToken, block);
              body.blocks[named.blockName] = named;
            });
            this.MANY2(() => this.OR3([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.CONSUME2(T.Semicolon) }]));
          });
        },
      },
      {
        ALT: () => {
          const list = this.SUBRULE(this.statementList);
          this.ACTION(() => (body.statements = list));
        },
      },
    ] });
    return body;
  });

  private paramBlock = this.RULE('paramBlock', (): A.ParamBlockAst => {
    const attributes: A.AttributeAst[] = [];
    this.MANY(() => {
      const a = this.SUBRULE(this.attribute);
      this.ACTION(() => attributes.push(a));
      this.MANY2(() => this.CONSUME(T.Newline));
    });
    const kw = this.CONSUME(T.Param);
    const open = this.OPTION2(() => this.CONSUME(T.LParen)) ?? kw;
    const parameters = this.SUBRULE(this.parameterList);
    const close = this.OPTION(() => this.CONSUME(T.RParen));
    return this.ACTION(() => {
      if (open === kw) this.missingOpenParen('param');
      else if (close === undefined) this.missingClose('MissingEndParenthesisInFunctionParameterList', open);
      const first = attributes[0] ?? (kw as PshToken);
      return { kind: 'ParamBlock', extent: this.b.extent(first, ((close ?? open) as PshToken)), attributes, parameters } satisfies A.ParamBlockAst;
    });
  });

  private parameterList = this.RULE('parameterList', (): A.ParameterAst[] => {
    const parameters: A.ParameterAst[] = [];
    this.OPTION(() => {
      const p = this.SUBRULE(this.parameter);
      this.ACTION(() => parameters.push(p));
      this.MANY(() => {
        this.CONSUME(T.ArgComma);
        const q = this.SUBRULE2(this.parameter);
        this.ACTION(() => parameters.push(q));
      });
    });
    return parameters;
  });

  private parameter = this.RULE('parameter', (): A.ParameterAst => {
    const attributes: (A.AttributeAst | A.TypeConstraintAst)[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const a = this.SUBRULE(this.attribute);
            this.ACTION(() => attributes.push(a));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.TypeLiteral) as PshToken;
            this.ACTION(() => attributes.push({ kind: 'TypeConstraint', extent: this.b.extent(t), typeName: t.payload as string }));
          },
        },
      ]);
    });
    const v = this.CONSUME(T.Variable) as PshToken | undefined;
    let defaultValue: A.ExpressionAst | null = null;
    this.OPTION(() => {
      const eq = this.CONSUME(T.Equals);
      const value = this.OPTION2(() => this.SUBRULE(this.expression));
      this.ACTION(() => {
        if (value === undefined) this.errorAfter(eq, 'MissingExpressionAfterOperator', eq.image);
        defaultValue = value ?? this.b.missing(this.here());
      });
    });
    return this.ACTION(() => {
      if (v === undefined) this.errorHere('MissingExpressionAfterToken', this.prev().image);
      const variable: A.VariableExpressionAst = v !== undefined ? this.b.variable(v) : { kind: 'Variable', extent: this.b.at(this.here()), scope: null, name: '', splatted: false };
      const first = attributes[0] ?? variable;
      return { kind: 'Parameter', extent: this.b.extent(first, defaultValue ?? variable), name: variable.name, attributes, defaultValue } satisfies A.ParameterAst;
    });
  });

  private attribute = this.RULE('attribute', (): A.AttributeAst => {
    const open = this.CONSUME(T.AttributeOpen) as PshToken;
    const positionalArguments: A.ExpressionAst[] = [];
    const namedArguments: { name: string; value: A.ExpressionAst | null }[] = [];
    const add = (arg: AttributeArgument): void => {
      if (arg.name === null) positionalArguments.push(arg.value!);
      else namedArguments.push({ name: arg.name, value: arg.value });
    };
    this.OPTION(() => {
      const first = this.SUBRULE(this.attributeArgument);
      this.ACTION(() => add(first));
      this.MANY(() => {
        this.CONSUME(T.ArgComma);
        const next = this.SUBRULE2(this.attributeArgument);
        this.ACTION(() => add(next));
      });
    });
    const close = this.OPTION2(() => this.CONSUME(T.RParen));
    const bracket = this.OPTION3(() => this.CONSUME(T.RBracket));
    return this.ACTION(() => {
      if (close === undefined) this.errorHere('MissingEndParenthesisInExpression');
      else if (bracket === undefined) this.errorHere('EndSquareBracketExpectedAtEndOfAttribute');
      const end = (bracket ?? close ?? open) as PshToken;
      return { kind: 'Attribute', extent: this.b.extent(open, end), typeName: open.payload as string, positionalArguments, namedArguments } satisfies A.AttributeAst;
    });
  });

  /** `Mandatory`, `Position = 0` (named) or any expression (positional). */
  private attributeArgument = this.RULE('attributeArgument', (): AttributeArgument => {
    return this.OR([
      {
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          const value = this.OPTION(() => {
            this.CONSUME(T.Equals);
            return this.SUBRULE(this.expression);
          });
          return this.ACTION(() => ({ name: name.image, value: value ?? null }));
        },
      },
      {
        ALT: () => {
          const value = this.SUBRULE2(this.expression);
          return this.ACTION(() => ({ name: null, value }));
        },
      },
    ]);
  });

  /** `{ statements }` as a statement body; reports MissingStatementBlock when absent. */
  private requiredBlock = this.RULE('requiredBlock', (after: string): A.StatementBlockAst => {
    const block = this.OPTION(() => this.SUBRULE(this.statementBlock));
    return this.ACTION(() => {
      if (block !== undefined) return block;
      this.errorHere('MissingStatementBlock', after);
      return this.b.statementBlock(this.prev(), { statements: [], traps: [] }, this.prev());
    });
  });

  private statementBlock = this.RULE('statementBlock', (): A.StatementBlockAst => {
    const open = this.CONSUME(T.LCurly) as PshToken;
    const list = this.SUBRULE(this.statementList);
    const close = this.OPTION(() => this.CONSUME(T.RCurly)) as PshToken | undefined;
    return this.ACTION(() => {
      if (close === undefined) this.missingClose('MissingEndCurlyBrace', open);
      return this.b.statementBlock(open, list, close ?? (this.prev()));
    });
  });

  private scriptBlockExpression = this.RULE('scriptBlockExpression', (): A.ScriptBlockExpressionAst => {
    const open = this.CONSUME(T.LCurly) as PshToken;
    const body = this.SUBRULE(this.scriptBody);
    const close = this.OPTION(() => this.CONSUME(T.RCurly)) as PshToken | undefined;
    return this.ACTION(() => {
      if (close === undefined) this.missingClose('MissingEndCurlyBrace', open);
      const end = close ?? (this.prev());
      const textEnd = close !== undefined ? close.startOffset : this.endOfPrevious();
      const sb = this.b.scriptBlock(body, open.startOffset, textEnd + (close ? 1 : 0), open.startOffset + 1, textEnd);
      return this.b.scriptBlockExpression(open, sb, end);
    });
  });

  // ---------------------------------------------------------------- statements

  private statementList = this.RULE('statementList', (): StatementList => {
    const list: StatementList = { statements: [], traps: [] };
    this.MANY({
      GATE: () => !this.isListEnd(),
      DEF: () => {
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { ALT: () => this.CONSUME(T.Newline) },
            { ALT: () => this.CONSUME(T.Semicolon) },
            {
              ALT: () => {
                const s = this.SUBRULE(this.statement);
                this.ACTION(() => {
                  if (s.kind === 'Trap') list.traps.push(s);
                  else list.statements.push(s);
                  this.skipDepth = 0;
                  this.skipReported = false;
                });
                this.SUBRULE(this.statementEnd);
              },
            },
            {
              ALT: () => {
                const t = this.CONSUME(T.Any);
                this.ACTION(() => this.errorAt('UnexpectedToken', t, false, t.image));
              },
            },
          ],
        });
      },
    });
    return list;
  });

  /** Whatever follows a complete statement on the same line is unexpected: report it once and skip to the next separator. */
  private statementEnd = this.RULE('statementEnd', (): void => {
    this.MANY({
      GATE: () => !this.isStatementEnd(),
      DEF: () => {
        const t = this.CONSUME(T.Any);
        this.ACTION(() => this.skipToken(t));
      },
    });
  });

  public statement = this.RULE('statement', (): A.StatementAst => {
    return this.OR((this.altStatement ??= [
      { ALT: () => this.SUBRULE(this.labeledStatement) },
      { ALT: () => this.SUBRULE(this.ifStatement) },
      { ALT: () => this.SUBRULE(this.switchStatement, { ARGS: [null] }) },
      { ALT: () => this.SUBRULE(this.foreachStatement, { ARGS: [null] }) },
      { ALT: () => this.SUBRULE(this.forStatement, { ARGS: [null] }) },
      { ALT: () => this.SUBRULE(this.whileStatement, { ARGS: [null] }) },
      { ALT: () => this.SUBRULE(this.doStatement, { ARGS: [null] }) },
      { ALT: () => this.SUBRULE(this.functionDefinition) },
      { ALT: () => this.SUBRULE(this.flowStatement) },
      { ALT: () => this.SUBRULE(this.breakStatement) },
      { ALT: () => this.SUBRULE(this.tryStatement) },
      { ALT: () => this.SUBRULE(this.trapStatement) },
      { ALT: () => this.SUBRULE(this.typeDefinition) },
      { ALT: () => this.SUBRULE(this.usingStatement) },
      { ALT: () => this.SUBRULE(this.pipelineStatement) },
    ]));
  });

  private labeledStatement = this.RULE('labeledStatement', (): A.StatementAst => {
    const label = this.CONSUME(T.Label) as PshToken;
    this.MANY(() => this.CONSUME(T.Newline));
    const loop = this.OPTION(() => this.OR([
      { ALT: () => this.SUBRULE(this.switchStatement, { ARGS: [label] }) },
      { ALT: () => this.SUBRULE(this.foreachStatement, { ARGS: [label] }) },
      { ALT: () => this.SUBRULE(this.forStatement, { ARGS: [label] }) },
      { ALT: () => this.SUBRULE(this.whileStatement, { ARGS: [label] }) },
      { ALT: () => this.SUBRULE(this.doStatement, { ARGS: [label] }) },
    ]));
    return this.ACTION(() => {
      if (loop !== undefined) return loop;
      // A label on anything but a loop is an unexpected token, as in PowerShell.
      this.errorAt('UnexpectedToken', label, false, label.image);
      return this.b.pipeline([], label.startOffset);
    });
  });

  /** `( pipeline )` after if/elseif/while/switch/until. */
  private condition = this.RULE('condition', (keyword: string): Cond => {
    let failed = false;
    const open = this.OPTION(() => this.CONSUME(T.LParen));
    this.ACTION(() => {
      if (open === undefined) {
        failed = true;
        this.missingOpenParen(keyword);
      }
    });
    const cond = this.OPTION2(() => this.SUBRULE(this.pipelineStatement));
    this.ACTION(() => {
      if (cond === undefined && !failed) {
        failed = true;
        this.errorHere('MissingExpressionAfterToken', '(');
      }
    });
    const close = this.OPTION3(() => this.CONSUME(T.RParen));
    return this.ACTION(() => {
      if (close === undefined && !failed) this.errorHere('MissingEndParenthesisAfterStatement', keyword);
      return cond ?? this.b.pipeline([], this.here());
    });
  });

  private ifStatement = this.RULE('ifStatement', (): A.IfStatementAst => {
    const kw = this.CONSUME(T.If) as PshToken;
    const clauses: { condition: Cond; body: A.StatementBlockAst }[] = [];
    const c1 = this.SUBRULE(this.condition, { ARGS: ['if'] });
    const b1 = this.SUBRULE(this.requiredBlock, { ARGS: ["if ( condition )"] });
    this.ACTION(() => clauses.push({ condition: c1, body: b1 }));
    this.MANY(() => {
      this.CONSUME(T.ElseIf);
      const c = this.SUBRULE2(this.condition, { ARGS: ['elseif'] });
      const b = this.SUBRULE2(this.requiredBlock, { ARGS: ["elseif ( condition )"] });
      this.ACTION(() => clauses.push({ condition: c, body: b }));
    });
    let elseBody: A.StatementBlockAst | null = null;
    this.OPTION(() => {
      this.CONSUME(T.Else);
      const b = this.SUBRULE3(this.requiredBlock, { ARGS: ["else"] });
      this.ACTION(() => (elseBody = b));
    });
    return this.ACTION(() => {
      const last = elseBody ?? clauses[clauses.length - 1]!.body;
      return { kind: 'If', extent: this.b.extent(kw, last), clauses, elseBody } satisfies A.IfStatementAst;
    });
  });

  private switchStatement = this.RULE('switchStatement', (label: PshToken | null): A.SwitchStatementAst => {
    const kw = this.CONSUME(T.Switch) as PshToken;
    const flags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false };
    this.MANY(() => {
      const p = this.CONSUME(T.Parameter) as PshToken;
      this.ACTION(() => {
        const name = (p.payload as ParameterPayload).name.toLowerCase();
        if ('regex'.startsWith(name)) flags.regex = true;
        else if ('wildcard'.startsWith(name)) flags.wildcard = true;
        else if ('exact'.startsWith(name)) flags.exact = true;
        else if ('casesensitive'.startsWith(name)) flags.caseSensitive = true;
        else if ('file'.startsWith(name)) flags.file = true;
        else this.errorAt('UnexpectedToken', p, false, p.image);
      });
    });
    const condition = this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      { GATE: () => is(this.LA(1), T.LParen), ALT: () => this.SUBRULE(this.condition, { ARGS: ['switch'] }) },
      {
        ALT: () => {
          const e = this.SUBRULE(this.commandPrimary);
          return this.ACTION(() => this.b.pipeline([this.b.commandExpression(e, [])], 0));
        },
      },
    ] });
    const clauses: { pattern: A.ExpressionAst; body: A.StatementBlockAst }[] = [];
    let defaultBody: A.StatementBlockAst | null = null;
    const open = this.OPTION(() => this.CONSUME(T.LCurly));
    this.MANY2(() => {
      this.OR2([
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        {
          ALT: () => {
            this.CONSUME(T.Default);
            const body = this.SUBRULE(this.requiredBlock, { ARGS: ['switch ( condition ) default'] });
            this.ACTION(() => (defaultBody = body));
          },
        },
        {
          ALT: () => {
            const pattern = this.SUBRULE2(this.commandPrimary);
            const body = this.SUBRULE2(this.requiredBlock, { ARGS: ['switch ( condition ) pattern'] });
            this.ACTION(() => clauses.push({ pattern, body }));
          },
        },
      ]);
    });
    const close = this.OPTION2(() => this.CONSUME(T.RCurly));
    return this.ACTION(() => {
      if (open === undefined) this.errorHere('MissingStatementBlock', 'switch ( condition )');
      else if (close === undefined) this.missingClose('MissingEndCurlyBrace', open);
      const end = (close as PshToken | undefined) ?? this.prev();
      return {
        kind: 'Switch', extent: this.b.extent(label ?? kw, end), label: label === null ? null : (label.payload as string),
        flags, condition, clauses, defaultBody,
      } satisfies A.SwitchStatementAst;
    });
  });

  private foreachStatement = this.RULE('foreachStatement', (label: PshToken | null): A.ForEachStatementAst => {
    const kw = this.CONSUME(T.Foreach) as PshToken;
    let failed = false;
    const fail = (id: 'MissingOpenParenthesisAfterKeyword' | 'MissingVariableNameAfterForeach' | 'MissingInInForeach' | 'MissingExpressionAfterToken' | 'MissingEndParenthesisAfterStatement'): void => {
      if (failed) return;
      failed = true;
      if (id === 'MissingOpenParenthesisAfterKeyword') this.missingOpenParen('foreach');
      else if (id === 'MissingEndParenthesisAfterStatement') this.errorHere(id, 'foreach');
      else if (id === 'MissingExpressionAfterToken') this.errorHere(id, 'in');
      else this.errorHere(id);
    };
    const open = this.OPTION(() => this.CONSUME(T.LParen));
    this.ACTION(() => open === undefined && fail('MissingOpenParenthesisAfterKeyword'));
    const v = this.OPTION2(() => this.CONSUME(T.Variable)) as PshToken | undefined;
    this.ACTION(() => v === undefined && fail('MissingVariableNameAfterForeach'));
    const inKw = this.OPTION3(() => this.CONSUME(T.In));
    this.ACTION(() => inKw === undefined && fail('MissingInInForeach'));
    const iterable = this.OPTION4(() => this.SUBRULE(this.pipelineStatement));
    this.ACTION(() => iterable === undefined && fail('MissingExpressionAfterToken'));
    const close = this.OPTION5(() => this.CONSUME(T.RParen));
    this.ACTION(() => close === undefined && fail('MissingEndParenthesisAfterStatement'));
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ["foreach ( variable in expression )"] });
    return this.ACTION(() => {
      const variable: A.VariableExpressionAst = v !== undefined ? this.b.variable(v) : { kind: 'Variable', extent: this.b.at(this.here()), scope: null, name: '', splatted: false };
      return {
        kind: 'ForEach', extent: this.b.extent(label ?? kw, body), label: label === null ? null : (label.payload as string),
        variable, iterable: iterable ?? this.b.pipeline([], this.here()), body,
      } satisfies A.ForEachStatementAst;
    });
  });

  private forStatement = this.RULE('forStatement', (label: PshToken | null): A.ForStatementAst => {
    const kw = this.CONSUME(T.For) as PshToken;
    const open = this.OPTION(() => this.CONSUME(T.LParen));
    this.MANY(() => this.CONSUME(T.Newline));
    const initializer = this.OPTION2(() => this.SUBRULE(this.pipelineStatement));
    this.MANY2(() => this.CONSUME2(T.Newline));
    this.OPTION3(() => this.CONSUME(T.Semicolon));
    this.MANY3(() => this.CONSUME3(T.Newline));
    const condition = this.OPTION4(() => this.SUBRULE2(this.pipelineStatement));
    this.MANY4(() => this.CONSUME4(T.Newline));
    this.OPTION5(() => this.CONSUME2(T.Semicolon));
    this.MANY5(() => this.CONSUME5(T.Newline));
    const iterator = this.OPTION6(() => this.SUBRULE3(this.pipelineStatement));
    this.MANY6(() => this.CONSUME6(T.Newline));
    const close = this.OPTION7(() => this.CONSUME(T.RParen));
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ["for ( initializer ; condition ; iterator )"] });
    return this.ACTION(() => {
      if (open === undefined) this.missingOpenParen('for');
      else if (close === undefined) this.errorHere('MissingEndParenthesisAfterStatement', 'for');
      return {
        kind: 'For', extent: this.b.extent(label ?? kw, body), label: label === null ? null : (label.payload as string),
        initializer: initializer ?? null, condition: condition ?? null, iterator: iterator ?? null, body,
      } satisfies A.ForStatementAst;
    });
  });

  private whileStatement = this.RULE('whileStatement', (label: PshToken | null): A.WhileStatementAst => {
    const kw = this.CONSUME(T.While) as PshToken;
    const condition = this.SUBRULE(this.condition, { ARGS: ['while'] });
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ['while ( condition )'] });
    return this.ACTION(() => ({
      kind: 'While', extent: this.b.extent(label ?? kw, body), label: label === null ? null : (label.payload as string), condition, body,
    }) satisfies A.WhileStatementAst);
  });

  private doStatement = this.RULE('doStatement', (label: PshToken | null): A.DoLoopStatementAst => {
    const kw = this.CONSUME(T.Do) as PshToken;
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ['do'] });
    let which: IToken | undefined;
    let condition: Cond | undefined;
    this.OPTION(() => {
      which = this.OR([{ ALT: () => this.CONSUME(T.While) }, { ALT: () => this.CONSUME(T.Until) }]);
      condition = this.SUBRULE(this.condition, { ARGS: ['do'] });
    });
    return this.ACTION(() => {
      if (which === undefined) this.errorHere('MissingWhileOrUntilInDoWhile');
      const cond = condition ?? this.b.pipeline([], this.here());
      return {
        kind: 'DoLoop', extent: this.b.extent(label ?? kw, condition ?? body), label: label === null ? null : (label.payload as string),
        until: which?.image.toLowerCase() === 'until', body, condition: cond,
      } satisfies A.DoLoopStatementAst;
    });
  });

  private functionDefinition = this.RULE('functionDefinition', (): A.FunctionDefinitionAst => {
    const kw = this.CONSUME(T.Function) as PshToken;
    const name = this.OPTION(() => this.CONSUME(T.BareWord)) as PshToken | undefined;
    let parameters: A.ParameterAst[] | null = null;
    this.OPTION2(() => {
      const open = this.CONSUME(T.LParen);
      const ps = this.SUBRULE(this.parameterList);
      const close = this.OPTION3(() => this.CONSUME(T.RParen));
      this.ACTION(() => {
        if (close === undefined) this.missingClose('MissingEndParenthesisInFunctionParameterList', open);
        parameters = ps;
      });
    });
    const body = this.OPTION4(() => this.SUBRULE(this.scriptBlockExpression));
    return this.ACTION(() => {
      if (name === undefined) this.errorHere('MissingFunctionName');
      else if (body === undefined) this.errorHere('MissingFunctionBody');
      const word = kw.image.toLowerCase();
      const sb = body?.scriptBlock ?? this.b.scriptBlock({ paramBlock: null, statements: { statements: [], traps: [] }, blocks: { begin: null, process: null, end: null, dynamicparam: null, clean: null } }, this.here(), this.here(), this.here(), this.here());
      return {
        kind: 'FunctionDefinition', extent: this.b.extent(kw, body ?? name ?? kw), name: name === undefined ? '' : (name.payload as string),
        isFilter: word === 'filter', isWorkflow: word === 'workflow', parameters, body: sb,
      } satisfies A.FunctionDefinitionAst;
    });
  });

  /** return, exit, throw. */
  private flowStatement = this.RULE('flowStatement', (): A.ReturnStatementAst | A.ExitStatementAst | A.ThrowStatementAst => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Return) }, { ALT: () => this.CONSUME(T.Exit) }, { ALT: () => this.CONSUME(T.Throw) }]) as PshToken;
    const pipeline = this.OPTION(() => this.SUBRULE(this.pipelineStatement));
    return this.ACTION(() => {
      const kind = is(kw, T.Return) ? 'Return' : is(kw, T.Exit) ? 'Exit' : 'Throw';
      return { kind, extent: this.b.extent(kw, pipeline ?? kw), pipeline: pipeline ?? null };
    });
  });

  private breakStatement = this.RULE('breakStatement', (): A.BreakStatementAst | A.ContinueStatementAst => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]) as PshToken;
    const label = this.OPTION(() =>
      this.OR2([
        { ALT: () => { const t = this.CONSUME(T.BareWord) as PshToken; return this.ACTION(() => this.b.bare(t)); } },
        { ALT: () => { const t = this.CONSUME(T.Variable) as PshToken; return this.ACTION(() => this.b.variable(t)); } },
      ]),
    );
    return this.ACTION(() => ({
      kind: is(kw, T.Break) ? 'Break' : 'Continue', extent: this.b.extent(kw, label ?? kw), label: label ?? null,
    }) as A.BreakStatementAst | A.ContinueStatementAst);
  });

  private tryStatement = this.RULE('tryStatement', (): A.TryStatementAst => {
    const kw = this.CONSUME(T.Try) as PshToken;
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ['try'] });
    const catches: A.CatchClauseAst[] = [];
    this.MANY(() => {
      const c = this.CONSUME(T.Catch) as PshToken;
      const types: string[] = [];
      this.MANY2(() => {
        const t = this.CONSUME(T.TypeLiteral) as PshToken;
        this.ACTION(() => types.push(t.payload as string));
        this.OPTION(() => this.CONSUME(T.Comma));
      });
      const cb = this.SUBRULE2(this.requiredBlock, { ARGS: ['catch'] });
      this.ACTION(() => catches.push({ kind: 'CatchClause', extent: this.b.extent(c, cb), catchTypes: types, body: cb }));
    });
    let finallyBody: A.StatementBlockAst | null = null;
    this.OPTION2(() => {
      this.CONSUME(T.Finally);
      const fb = this.SUBRULE3(this.requiredBlock, { ARGS: ['finally'] });
      this.ACTION(() => (finallyBody = fb));
    });
    return this.ACTION(() => {
      if (catches.length === 0 && finallyBody === null) this.errorHere('MissingCatchOrFinally');
      const last = finallyBody ?? catches[catches.length - 1] ?? body;
      return { kind: 'Try', extent: this.b.extent(kw, last), body, catches, finallyBody } satisfies A.TryStatementAst;
    });
  });

  private trapStatement = this.RULE('trapStatement', (): A.TrapStatementAst => {
    const kw = this.CONSUME(T.Trap) as PshToken;
    const type = this.OPTION(() => this.CONSUME(T.TypeLiteral)) as PshToken | undefined;
    const body = this.SUBRULE(this.requiredBlock, { ARGS: ['trap'] });
    return this.ACTION(() => ({
      kind: 'Trap', extent: this.b.extent(kw, body), trapType: type === undefined ? null : (type.payload as string), body,
    }) satisfies A.TrapStatementAst);
  });

  private usingStatement = this.RULE('usingStatement', (): A.StatementAst => {
    const kw = this.CONSUME(T.Using) as PshToken;
    const directive = this.OPTION(() => this.CONSUME(T.BareWord)) as PshToken | undefined;
    const name = this.OPTION2(() => this.CONSUME2(T.BareWord)) as PshToken | undefined;
    return this.ACTION(() => {
      const kind = directive === undefined ? '' : (directive.payload as string).toLowerCase();
      if (kind !== 'namespace' && kind !== 'module' && kind !== 'assembly') {
        this.errorHere('MissingUsingStatementDirective');
        return this.b.pipeline([], kw.startOffset);
      }
      if (name === undefined) this.errorHere('MissingUsingItemName');
      return { kind: 'Using', extent: this.b.extent(kw, name ?? directive ?? kw), usingKind: kind, name: (name?.payload as string | undefined) ?? '' } satisfies A.UsingStatementAst;
    });
  });

  private typeDefinition = this.RULE('typeDefinition', (): A.TypeDefinitionAst => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Class) }, { ALT: () => this.CONSUME(T.Enum) }]) as PshToken;
    const name = this.OPTION(() => this.CONSUME(T.Identifier));
    const baseTypes: string[] = [];
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      const first = this.OPTION5(() => this.CONSUME2(T.Identifier));
      this.ACTION(() => (first === undefined ? this.errorHere('MissingNameAfterKeyword', ':') : baseTypes.push(first.image)));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        const next = this.CONSUME3(T.Identifier);
        this.ACTION(() => baseTypes.push(next.image));
      });
    });
    const open = this.OPTION3(() => this.CONSUME(T.LCurly));
    const members: A.TypeMemberAst[] = [];
    this.MANY2(() => {
      this.OR2({ IGNORE_AMBIGUITIES: true, DEF: [
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        {
          GATE: () => is(kw, T.Enum),
          ALT: () => {
            const m = this.SUBRULE(this.enumMember);
            this.ACTION(() => members.push(m));
          },
        },
        {
          ALT: () => {
            const m = this.SUBRULE(this.typeMember);
            this.ACTION(() => members.push(m));
          },
        },
      ] });
    });
    const close = this.OPTION4(() => this.CONSUME(T.RCurly));
    return this.ACTION(() => {
      if (name === undefined) this.errorHere('MissingNameAfterKeyword', kw.image.toLowerCase());
      else if (open === undefined) this.errorHere('MissingStatementBlock', `${kw.image} ${name.image}`);
      else if (close === undefined) this.missingClose('MissingEndCurlyBrace', open);
      return {
        kind: 'TypeDefinition', extent: this.b.extent(kw, (close as PshToken | undefined) ?? this.prev()), name: name?.image ?? '',
        isEnum: is(kw, T.Enum), baseTypes, members,
      } satisfies A.TypeDefinitionAst;
    });
  });

  private enumMember = this.RULE('enumMember', (): A.TypeMemberAst => {
    const name = this.CONSUME(T.Identifier) as PshToken;
    const init = this.OPTION(() => {
      this.CONSUME(T.Equals);
      return this.SUBRULE(this.expression);
    });
    return this.ACTION(() => ({ kind: 'EnumMember', extent: this.b.extent(name, init ?? name), name: name.image, value: init ?? null }) satisfies A.TypeMemberAst);
  });

  /** A property `[int]$x = 1`, a method `[int] M([int]$a) { }` or an enum member `Red = 1`. */
  private typeMember = this.RULE('typeMember', (): A.TypeMemberAst => {
    const prefix: PshToken[] = [];
    this.MANY(() => {
      const t = this.OR([
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(T.TypeLiteral) },
        { ALT: () => { this.SUBRULE(this.attribute); return undefined; } },
      ]) as PshToken | undefined;
      this.ACTION(() => {
        if (t !== undefined) prefix.push(t);
      });
    });
    return this.OR2([
      {
        ALT: () => {
          const v = this.CONSUME(T.Variable) as PshToken;
          const init = this.OPTION(() => {
            this.CONSUME(T.Equals);
            return this.SUBRULE(this.expression);
          });
          return this.ACTION(() => {
            const types = prefix.filter((t) => is(t, T.TypeLiteral));
            const first = prefix[0] ?? v;
            return {
              kind: 'PropertyMember', extent: this.b.extent(first, init ?? v), name: this.b.variable(v).name,
              typeName: types.length > 0 ? (types[types.length - 1]!.payload as string) : null,
              isStatic: prefix.some((t) => is(t, T.Identifier) && t.image.toLowerCase() === 'static'), initialValue: init ?? null,
            } as A.TypeMemberAst;
          });
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.LParen);
          const parameters = this.SUBRULE(this.parameterList);
          const close = this.OPTION3(() => this.CONSUME(T.RParen));
          this.ACTION(() => close === undefined && this.missingClose('MissingEndParenthesisInFunctionParameterList', open));
          const body = this.SUBRULE(this.scriptBlockExpression);
          return this.ACTION(() => {
            const names = prefix.filter((t) => is(t, T.Identifier));
            const types = prefix.filter((t) => is(t, T.TypeLiteral));
            const first = prefix[0] ?? (open as PshToken);
            return {
              kind: 'MethodMember', extent: this.b.extent(first, body), name: names[names.length - 1]?.image ?? '',
              returnType: types.length > 0 ? (types[types.length - 1]!.payload as string) : null,
              isStatic: names.some((t) => t.image.toLowerCase() === 'static'), parameters, body: body.scriptBlock,
            } as A.TypeMemberAst;
          });
        },
      },
    ]);
  });

  // ---------------------------------------------------------------- pipelines

  /** A pipeline, a `&&`/`||` chain of pipelines, or an assignment; optionally backgrounded with `&`. */
  public pipelineStatement = this.RULE('pipelineStatement', (): Cond => {
    let result: Cond = this.SUBRULE(this.pipeline);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.AndAnd) }, { ALT: () => this.CONSUME(T.OrOr) }]) as PshToken;
      const right = this.OPTION(() => this.SUBRULE2(this.pipeline));
      this.ACTION(() => {
        if (right === undefined || right.kind !== 'Pipeline') {
          if (right === undefined) this.errorAfter(op, 'MissingExpressionAfterOperator', op.image);
          return;
        }
        if (result.kind === 'Assignment') return;
        result = this.b.chain(result, op, right);
      });
    });
    this.OPTION2(() => {
      const amp = this.CONSUME(T.Background) as PshToken;
      this.ACTION(() => {
        if (result.kind !== 'Assignment') result = this.b.withBackground(result, amp);
      });
    });
    return result;
  });

  private pipeline = this.RULE('pipeline', (): A.PipelineAst | A.AssignmentStatementAst => {
    const elements: (A.CommandAst | A.CommandExpressionAst)[] = [];
    let assignment: A.AssignmentStatementAst | null = null;
    this.OR([
      {
        ALT: () => {
          const c = this.SUBRULE(this.command);
          this.ACTION(() => elements.push(c));
        },
      },
      {
        ALT: () => {
          const e = this.SUBRULE(this.expression);
          this.OR2([
            {
              ALT: () => {
                const op = this.CONSUME(T.AssignOp) as PshToken;
                const value = this.OPTION(() => this.SUBRULE(this.statement));
                this.ACTION(() => {
                  if (value === undefined) this.errorAfter(op, 'MissingExpressionAfterOperator', op.image);
                  assignment = this.b.assignment(e, op, value ?? this.b.pipeline([], this.here()));
                });
              },
            },
            {
              ALT: () => {
                const redirections = this.SUBRULE(this.redirections);
                this.ACTION(() => elements.push(this.b.commandExpression(e, redirections)));
              },
            },
          ]);
        },
      },
    ]);
    this.MANY(() => {
      const pipe = this.CONSUME(T.Pipe);
      const el = this.OPTION2(() => this.SUBRULE(this.pipelineElement));
      this.ACTION(() => {
        if (el === undefined) this.errorAt('EmptyPipeElement', this.atEnd() ? pipe : this.LA(1), this.atEnd());
        else elements.push(el);
      });
    });
    return this.ACTION(() => assignment ?? this.b.pipeline(elements, this.here()));
  });

  private pipelineElement = this.RULE('pipelineElement', (): A.CommandAst | A.CommandExpressionAst => {
    return this.OR((this.altPipelineElement ??= [
      { ALT: () => this.SUBRULE(this.command) },
      {
        ALT: () => {
          const e = this.SUBRULE(this.expression);
          const redirections = this.SUBRULE(this.redirections);
          return this.ACTION(() => this.b.commandExpression(e, redirections));
        },
      },
    ]));
  });

  private redirections = this.RULE('redirections', (): A.RedirectionAst[] => {
    const list: A.RedirectionAst[] = [];
    this.MANY(() => {
      const r = this.SUBRULE(this.redirection);
      this.ACTION(() => list.push(r));
    });
    return list;
  });

  private redirection = this.RULE('redirection', (): A.RedirectionAst => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.MergeRedirect) as PshToken;
          return this.ACTION(() => this.b.mergingRedirection(t, (t.payload as RedirectPayload).stream));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.FileRedirect) as PshToken;
          const target = this.OPTION(() => this.SUBRULE(this.commandPrimary));
          return this.ACTION(() => {
            if (target === undefined) this.errorAt('MissingFileSpecification', t, this.atEnd());
            const p = t.payload as RedirectPayload;
            return this.b.fileRedirection(t, p.stream, p.append, target ?? this.b.missing(t.endOffset! + 1));
          });
        },
      },
    ]);
  });

  private command = this.RULE('command', (): A.CommandAst => {
    const elements: A.CommandElementAst[] = [];
    const redirections: A.RedirectionAst[] = [];
    let invocation: '&' | '.' | null = null;
    const first = this.OR([
      {
        ALT: () => {
          const op = this.OR2([{ ALT: () => this.CONSUME(T.CallOperator) }, { ALT: () => this.CONSUME(T.DotSource) }]);
          this.ACTION(() => (invocation = op.image === '&' ? '&' : '.'));
          return op;
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.BareWord) as PshToken;
          this.ACTION(() => elements.push(this.b.bare(t)));
          return t;
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.BareExpandStart) as PshToken;
          const rest = this.SUBRULE(this.stringParts);
          this.ACTION(() => elements.push(this.b.expandable(t, rest.parts, rest.end, this.prev())));
          return t;
        },
      },
    ]) as PshToken;
    this.MANY(() => {
      this.OR3([
        {
          ALT: () => {
            const p = this.CONSUME(T.Parameter) as PshToken;
            const payload = p.payload as ParameterPayload;
            const arg = this.OPTION({ GATE: () => payload.colon, DEF: () => this.SUBRULE(this.commandArgument) });
            this.ACTION(() => elements.push(this.b.parameter(p, payload.name, arg ?? null)));
          },
        },
        {
          ALT: () => {
            const v = this.CONSUME(T.VerbatimArgument) as PshToken;
            this.ACTION(() => elements.push(this.b.verbatim(v)));
          },
        },
        {
          ALT: () => {
            const r = this.SUBRULE(this.redirection);
            this.ACTION(() => redirections.push(r));
          },
        },
        {
          ALT: () => {
            const a = this.SUBRULE2(this.commandArgument);
            this.ACTION(() => elements.push(a));
          },
        },
      ]);
    });
    return this.ACTION(() => {
      if (elements.length === 0) this.errorHere('MissingExpressionAfterToken', first.image);
      const lastEl = elements[elements.length - 1];
      const lastRedir = redirections[redirections.length - 1];
      let last: PshToken | { extent: A.Extent } = first;
      if (lastEl !== undefined) last = lastEl;
      if (lastRedir !== undefined && (lastEl === undefined || lastRedir.extent.end > lastEl.extent.end)) last = lastRedir;
      return this.b.command(first, invocation, elements, redirections, last);
    });
  });

  /** A command argument: one operand or a comma list of them (`Name, Id`). */
  private commandArgument = this.RULE('commandArgument', (): A.ExpressionAst => {
    const items: A.ExpressionAst[] = [];
    const first = this.SUBRULE(this.commandPrimary);
    this.ACTION(() => items.push(first));
    this.MANY(() => {
      const comma = this.CONSUME(T.Comma);
      const next = this.OPTION(() => this.SUBRULE2(this.commandPrimary));
      this.ACTION(() => {
        if (next === undefined) this.errorHere('MissingExpressionAfterToken', comma.image);
        else items.push(next);
      });
    });
    return this.ACTION(() => this.b.arrayLiteral(items));
  });

  private commandPrimary = this.RULE('commandPrimary', (): A.ExpressionAst => {
    return this.OR((this.altCommandPrimary ??= [
      {
        ALT: () => {
          const t = this.CONSUME(T.BareWord) as PshToken;
          return this.ACTION(() => this.b.bare(t));
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]));
  });

  // ---------------------------------------------------------------- expressions, lowest precedence first

  public expression = this.RULE('expression', (): A.ExpressionAst => {
    let left = this.SUBRULE(this.ternary);
    this.MANY(() => {
      const op = this.CONSUME(T.QuestionQuestion) as PshToken;
      const right = this.OPTION(() => this.SUBRULE2(this.ternary));
      this.ACTION(() => (left = this.binaryOrMissing(op, left, right)));
    });
    return left;
  });

  private ternary = this.RULE('ternary', (): A.ExpressionAst => {
    let result = this.SUBRULE(this.binaryExpression);
    this.OPTION(() => {
      const q = this.CONSUME(T.Question);
      const ifTrue = this.OPTION2(() => this.SUBRULE(this.expression));
      const colon = this.OPTION3(() => this.CONSUME(T.Colon));
      const ifFalse = this.OPTION4(() => this.SUBRULE2(this.expression));
      this.ACTION(() => {
        if (ifTrue === undefined) this.errorAfter(q, 'MissingExpressionAfterOperator', q.image);
        else if (colon === undefined) this.errorHere('MissingExpressionAfterToken', '?');
        else if (ifFalse === undefined) this.errorAfter(colon, 'MissingExpressionAfterOperator', ':');
        result = this.b.ternary(result, ifTrue ?? this.b.missing(this.here()), ifFalse ?? this.b.missing(this.here()));
      });
    });
    return result;
  });

  private binaryOrMissing(op: IToken, left: A.ExpressionAst, right: A.ExpressionAst | undefined): A.ExpressionAst {
    if (right === undefined) this.errorAfter(op, 'MissingExpressionAfterOperator', op.image.toLowerCase());
    return this.b.binary(op as PshToken, left, right ?? this.b.missing(this.here()));
  }

  /** Operators from `-and` up to `,`, parsed as a flat chain and nested by binaryPrecedence. */
  private binaryExpression = this.RULE('binaryExpression', (): A.ExpressionAst => {
    const first = this.SUBRULE(this.unary);
    let operands: A.ExpressionAst[] | undefined;
    let operators: PshToken[] | undefined;
    this.MANY(() => {
      const op = this.CONSUME(T.BinaryOp) as PshToken;
      const right = this.OPTION(() => this.SUBRULE2(this.unary));
      this.ACTION(() => {
        if (right === undefined) this.errorAfter(op, 'MissingExpressionAfterOperator', op.image.toLowerCase());
        (operands ??= [first]).push(right ?? this.b.missing(this.here()));
        (operators ??= []).push(op);
      });
    });
    return this.ACTION(() => (operands === undefined ? first : this.nest(operands, operators!)));
  });

  /** Builds the tree for `a op b op c ...` by precedence; all levels associate to the left. */
  private nest(operands: A.ExpressionAst[], operators: PshToken[]): A.ExpressionAst {
    const values: A.ExpressionAst[] = [operands[0]!];
    const pending: PshToken[] = [];
    const arrays = new Set<A.ExpressionAst>();
    const reduce = (): void => {
      const op = pending.pop()!;
      const right = values.pop()!;
      const left = values.pop()!;
      if (op.tokenType === T.Comma) {
        // `1, 2, 3` is one array literal, not nested pairs.
        const elements = arrays.has(left) ? [...(left as A.ArrayLiteralAst).elements, right] : [left, right];
        const array = this.b.arrayLiteral(elements);
        arrays.add(array);
        values.push(array);
      } else values.push(this.b.binary(op, left, right));
    };
    for (let i = 0; i < operators.length; i++) {
      const op = operators[i]!;
      const prec = binaryPrecedence(op);
      while (pending.length > 0 && binaryPrecedence(pending[pending.length - 1]!) >= prec) reduce();
      pending.push(op);
      values.push(operands[i + 1]!);
    }
    while (pending.length > 0) reduce();
    return values[0]!;
  }

  private unary = this.RULE('unary', (): A.ExpressionAst => {
    return this.OR((this.altUnary ??= [
      {
        ALT: () => {
          const op = this.OR2((this.altUnaryOp ??= [
            { ALT: () => this.CONSUME(T.UnaryDashOp) },
            { ALT: () => this.CONSUME(T.Exclaim) },
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Plus) },
            { ALT: () => this.CONSUME(T.Comma) },
            { ALT: () => this.CONSUME(T.PlusPlus) },
            { ALT: () => this.CONSUME(T.MinusMinus) },
          ])) as PshToken;
          const operand = this.OPTION(() => this.SUBRULE(this.unary));
          return this.ACTION(() => {
            if (operand === undefined) this.errorAfter(op, 'MissingExpressionAfterOperator', op.image.toLowerCase());
            return this.b.unary(op, operand ?? this.b.missing(this.here()));
          });
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]));
  });

  private postfix = this.RULE('postfix', (): A.ExpressionAst => {
    let target = this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.OR2([
              { ALT: () => this.CONSUME(T.MemberDot) },
              { ALT: () => this.CONSUME(T.ColonColon) },
              { ALT: () => this.CONSUME(T.NullDot) },
            ]) as PshToken;
            const member = this.OPTION(() => this.SUBRULE(this.memberName));
            let args: A.ExpressionAst[] | undefined;
            let close: IToken | undefined;
            this.OPTION2(() => {
              const open = this.CONSUME(T.CallParen);
              args = this.SUBRULE(this.callArguments);
              close = this.OPTION3(() => this.CONSUME(T.RParen));
              this.ACTION(() => {
                if (close === undefined) this.missingClose('MissingEndParenthesisInMethodCall', open);
              });
            });
            // `$list.Where{ ... }`: a script block written right after a method name is its one argument.
            this.OPTION6({
              GATE: () => args === undefined && member !== undefined && this.curlyTouchesPrevious(),
              DEF: () => {
                const block = this.SUBRULE(this.scriptBlockExpression);
                this.ACTION(() => {
                  args = [block];
                  close = this.prev();
                });
              },
            });
            this.ACTION(() => {
              if (member === undefined) this.errorHere('MissingPropertyName');
              const name = member ?? this.b.missing(this.here());
              const end = (close as PshToken | undefined) ?? this.prev();
              target = args === undefined ? this.b.member(target, op, name, member ?? op) : this.b.invoke(target, op, name, args, end);
            });
          },
        },
        {
          ALT: () => {
            const op = this.OR3([{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.NullBracket) }]) as PshToken;
            const index = this.OPTION4(() => this.SUBRULE(this.expression));
            const close = this.OPTION5(() => this.CONSUME(T.RBracket));
            this.ACTION(() => {
              if (index === undefined) this.errorHere('MissingArrayIndexExpression');
              else if (close === undefined) this.errorHere('MissingEndSquareBracket');
              target = this.b.index(target, op, index ?? this.b.missing(this.here()), (close as PshToken | undefined) ?? this.prev());
            });
          },
        },
        {
          ALT: () => {
            const op = this.OR4([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]) as PshToken;
            this.ACTION(() => (target = this.b.postfix(target, op)));
          },
        },
      ]);
    });
    return target;
  });

  private memberName = this.RULE('memberName', (): A.ExpressionAst => {
    return this.OR((this.altMemberName ??= [
      { ALT: () => { const t = this.CONSUME(T.Identifier) as PshToken; return this.ACTION(() => ({ kind: 'StringConstant', extent: this.b.extent(t), value: t.image, quote: 'bare' }) as A.ExpressionAst); } },
      { ALT: () => { const t = this.CONSUME(T.Variable) as PshToken; return this.ACTION(() => this.b.variable(t)); } },
      { ALT: () => { const t = this.CONSUME(T.StringLiteral) as PshToken; return this.ACTION(() => this.b.string(t)); } },
    ]));
  });

  private callArguments = this.RULE('callArguments', (): A.ExpressionAst[] => {
    const args: A.ExpressionAst[] = [];
    this.OPTION(() => {
      const first = this.SUBRULE(this.expression);
      this.ACTION(() => args.push(first));
      this.MANY(() => {
        const comma = this.CONSUME(T.ArgComma);
        const next = this.OPTION2(() => this.SUBRULE2(this.expression));
        this.ACTION(() => {
          if (next === undefined) this.errorHere('MissingExpressionAfterToken', comma.image);
          else args.push(next);
        });
      });
    });
    return args;
  });

  private primary = this.RULE('primary', (): A.ExpressionAst => {
    return this.OR((this.altPrimary ??= [
      { ALT: () => { const t = this.CONSUME(T.Variable) as PshToken; return this.ACTION(() => this.b.variable(t)); } },
      { ALT: () => { const t = this.CONSUME(T.SplatVariable) as PshToken; return this.ACTION(() => this.b.variable(t, true)); } },
      { ALT: () => { const t = this.CONSUME(T.Number) as PshToken; return this.ACTION(() => this.b.number(t)); } },
      { ALT: () => { const t = this.CONSUME(T.StringLiteral) as PshToken; return this.ACTION(() => this.b.string(t)); } },
      { ALT: () => this.SUBRULE(this.expandableString) },
      { ALT: () => this.SUBRULE(this.parenExpression) },
      { ALT: () => this.SUBRULE(this.subExpression) },
      { ALT: () => this.SUBRULE(this.hashtable) },
      { ALT: () => this.SUBRULE(this.scriptBlockExpression) },
      {
        ALT: () => {
          const t = this.CONSUME(T.TypeLiteral) as PshToken;
          const operand = this.OPTION({ GATE: () => this.startsCastOperand(), DEF: () => this.SUBRULE(this.unary) });
          return this.ACTION(() => (operand === undefined ? this.b.typeExpression(t) : this.b.convert(t, operand)));
        },
      },
    ]));
  });

  private expandableString = this.RULE('expandableString', (): A.ExpressionAst => {
    const start = this.OR([{ ALT: () => this.CONSUME(T.StringExpandStart) }, { ALT: () => this.CONSUME(T.BareExpandStart) }]) as PshToken;
    const rest = this.SUBRULE(this.stringParts);
    return this.ACTION(() => this.b.expandable(start, rest.parts, rest.end, this.prev()));
  });

  /** The parts of an expandable string after its start token, through its end token. */
  private stringParts = this.RULE('stringParts', (): { parts: A.ExpandableStringExpressionAst['parts']; end: PshToken | null } => {
    const parts: (string | A.VariableExpressionAst | A.SubExpressionAst)[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const t = this.CONSUME(T.StringText) as PshToken; this.ACTION(() => parts.push(t.payload as string)); } },
        { ALT: () => { const t = this.CONSUME(T.Variable) as PshToken; this.ACTION(() => parts.push(this.b.variable(t))); } },
        {
          ALT: () => {
            const s = this.SUBRULE(this.subExpression);
            this.ACTION(() => parts.push(s as A.SubExpressionAst));
          },
        },
      ]);
    });
    const end = this.OPTION(() => this.CONSUME(T.StringExpandEnd)) as PshToken | undefined;
    return this.ACTION(() => {
      if (end === undefined) this.errorHere('UnexpectedToken', this.LA(1).image);
      return { parts, end: end ?? null };
    });
  });

  private parenExpression = this.RULE('parenExpression', (): A.ExpressionAst => {
    const open = this.CONSUME(T.LParen) as PshToken;
    this.MANY(() => this.CONSUME(T.Newline));
    const inner = this.OPTION(() => this.SUBRULE(this.pipelineStatement));
    this.MANY2(() => this.CONSUME2(T.Newline));
    const close = this.OPTION2(() => this.CONSUME(T.RParen)) as PshToken | undefined;
    return this.ACTION(() => {
      if (inner === undefined) this.errorHere('MissingExpression');
      else if (close === undefined) this.missingClose('MissingEndParenthesisInExpression', open);
      return this.b.paren(open, inner ?? this.b.pipeline([], this.here()), close ?? (this.prev()));
    });
  });

  private subExpression = this.RULE('subExpression', (): A.ExpressionAst => {
    const open = this.OR([{ ALT: () => this.CONSUME(T.DollarParen) }, { ALT: () => this.CONSUME(T.AtParen) }]) as PshToken;
    const list = this.SUBRULE(this.statementList);
    const close = this.OPTION(() => this.CONSUME(T.RParen)) as PshToken | undefined;
    return this.ACTION(() => {
      if (close === undefined) this.missingClose('MissingEndParenthesisInExpression', open);
      return this.b.subExpression(open, list.statements, close ?? (this.prev()));
    });
  });

  private hashtable = this.RULE('hashtable', (): A.HashtableAst => {
    const open = this.CONSUME(T.AtCurly) as PshToken;
    const entries: { key: A.ExpressionAst; value: A.StatementAst }[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        {
          ALT: () => {
            const key = this.OR2([
              { ALT: () => { const t = this.CONSUME(T.Identifier) as PshToken; return this.ACTION(() => ({ kind: 'StringConstant', extent: this.b.extent(t), value: t.image, quote: 'bare' }) as A.ExpressionAst); } },
              { ALT: () => this.SUBRULE(this.unary) },
            ]);
            const eq = this.OPTION(() => this.CONSUME(T.Equals));
            const value = this.OPTION2(() => this.SUBRULE(this.statement));
            this.ACTION(() => {
              if (eq === undefined) this.errorHere('MissingEqualsInHashLiteral');
              else if (value === undefined) this.errorHere('MissingStatementAfterAssignment', '=');
              entries.push({ key, value: value ?? this.b.pipeline([], this.here()) });
            });
          },
        },
      ]);
    });
    const close = this.OPTION3(() => this.CONSUME(T.RCurly)) as PshToken | undefined;
    return this.ACTION(() => {
      if (close === undefined) this.missingClose('MissingEndCurlyBrace', open);
      return this.b.hashtable(open, entries, close ?? (this.prev()));
    });
  });
}

const instances: { fast?: PshParser; recovering?: PshParser } = {};

/**
 * Each parser is built once: performSelfAnalysis is the expensive part, and with error recovery
 * it also computes every rule's follow sets. Clean scripts need only the fast parser, so start-up
 * never pays for recovery; a script with errors is parsed again by the recovering one.
 */
export function getParser(recovery = false): PshParser {
  return recovery ? (instances.recovering ??= new PshParser(true)) : (instances.fast ??= new PshParser(false));
}

/** Builds both parsers completely, lookahead of every production included: for the start-up snapshot. */
export function buildParsersCompletely(): void {
  for (const recovery of [false, true]) getParser(recovery).lookahead.computeAll();
}
