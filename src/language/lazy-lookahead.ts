// Chevrotain's LL(k) lookahead, computed for each production the first time the parser reaches
// it instead of for the whole grammar in performSelfAnalysis. Precomputing every production was
// most of psh's start-up (and of each job worker's), while a short command touches a handful.

import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type Alternation = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type Optional = ReturnType<ILookaheadStrategy['buildLookaheadForOptional']>;

/**
 * Puts the computed function where the parser looks lookahead functions up, so later calls skip
 * the lazy wrapper (an extra call on every decision costs ~10% of parse throughput). The cache is
 * Chevrotain's internal `lookAheadFuncsCache`; without it the wrapper simply stays in place.
 */
function replace<F>(parser: unknown, lazy: F, built: F): F {
  const cache = (parser as { lookAheadFuncsCache?: unknown }).lookAheadFuncsCache;
  if (cache instanceof Map) {
    for (const [key, fn] of cache) {
      if (fn === lazy) {
        cache.set(key, built);
        break;
      }
    }
  }
  return built;
}

export class LazyLookaheadStrategy implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;
  /** Productions whose lookahead is still to be computed. */
  private readonly pending = new Set<() => void>();

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): Alternation {
    const llk = this.llk;
    const pending = this.pending;
    let built: Alternation | undefined;
    const build = (): Alternation => {
      pending.delete(build);
      return (built ??= llk.buildLookaheadForAlternation(options));
    };
    pending.add(build);
    // Chevrotain calls lookahead functions with the parser as `this`.
    const lazy: Alternation = function (this: unknown, orAlts) {
      return replace(this, lazy, built ?? build()).call(this, orAlts);
    };
    return lazy;
  }

  buildLookaheadForOptional(options: OptionalOptions): Optional {
    const llk = this.llk;
    const pending = this.pending;
    let built: Optional | undefined;
    const build = (): Optional => {
      pending.delete(build);
      return (built ??= llk.buildLookaheadForOptional(options));
    };
    pending.add(build);
    const lazy: Optional = function (this: unknown) {
      return replace(this, lazy, built ?? build()).call(this);
    };
    return lazy;
  }

  /** Computes every production's lookahead now (for the start-up snapshot, built once). */
  computeAll(): void {
    for (const build of [...this.pending]) build();
  }
}
