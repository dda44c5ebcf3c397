// A throttle for work started from this thread (Invoke-Command -AsJob's connections): at most
// `limit` runs at once, the rest wait NotStarted until a slot frees. Thread jobs are throttled by
// the pool's dispatcher instead, so that their queue moves while this thread is busy.

/** Work a throttle admits: it starts when `submit` is called and calls `leave` when done. */
export interface Throttled {
  submit(): void;
}

export class Throttle {
  limit: number;
  private active = 0;
  private readonly waiting: Throttled[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  enter(run: Throttled): void {
    this.waiting.push(run);
    this.admit();
  }

  leave(): void {
    this.active--;
    this.admit();
  }

  cancel(run: Throttled): boolean {
    const i = this.waiting.indexOf(run);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  private admit(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      (this.waiting.shift() as Throttled).submit();
    }
  }
}
