// System.Diagnostics.Stopwatch over the host's monotonic clock: `[Stopwatch]::StartNew()`,
// Start/Stop/Reset/Restart and Elapsed as a TimeSpan.

import { PSTimeSpan } from '../datetime.js';
import { DotNetObject } from '../values.js';

/** Ticks a second, as .NET reports Stopwatch.Frequency on Linux (nanoseconds). */
export const STOPWATCH_FREQUENCY = 1_000_000_000n;

export class PSStopwatch extends DotNetObject {
  /** Time accumulated by earlier Start..Stop runs, in ms. */
  private banked = 0;
  /** Clock reading at the last Start while running; null when stopped. */
  private startedAt: number | null = null;

  constructor(private readonly clock: () => number) {
    super();
  }

  private get elapsedMs(): number {
    return this.banked + (this.startedAt === null ? 0 : this.clock() - this.startedAt);
  }

  get IsRunning(): boolean { return this.startedAt !== null; }
  get Elapsed(): PSTimeSpan { return new PSTimeSpan(this.elapsedMs); }
  /** Int64 in .NET, so it prints without decimals and adds as an integer. */
  get ElapsedMilliseconds(): bigint { return BigInt(Math.trunc(this.elapsedMs)); }
  get ElapsedTicks(): bigint { return BigInt(Math.trunc(this.elapsedMs * 1_000_000)); }
  get psTypeNames(): readonly string[] { return ['System.Diagnostics.Stopwatch', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['IsRunning', 'Elapsed', 'ElapsedMilliseconds', 'ElapsedTicks']; }
  override psMethodNames(): readonly string[] { return ['Start', 'Stop', 'Reset', 'Restart', 'ToString']; }

  Start(): void {
    this.startedAt ??= this.clock();
  }

  Stop(): void {
    if (this.startedAt === null) return;
    this.banked += this.clock() - this.startedAt;
    this.startedAt = null;
  }

  Reset(): void {
    this.banked = 0;
    this.startedAt = null;
  }

  Restart(): void {
    this.banked = 0;
    this.startedAt = this.clock();
  }

  /** .NET 8's Stopwatch.ToString is its Elapsed as text. */
  ToString(): string { return this.Elapsed.toString(); }
  toString(): string { return this.ToString(); }
}
