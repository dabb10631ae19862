// The session's slots, handed out one piece of work at a time: work beyond their number waits
// its turn, first come first served.
export class Pool<T> {
  private readonly free: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    this.free = [...items];
  }

  acquire(): Promise<T> {
    return new Promise((resolve) => (this.free.length > 0 ? resolve(this.free.pop()!) : this.waiting.push(resolve)));
  }

  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next(item);
    else this.free.push(item);
  }
}
