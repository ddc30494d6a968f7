/** A growable ring buffer of integers (node or job ids): push/pop at both ends, O(1). */
export class IntDeque {
  private items: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 16) {
    if (capacity < 1 || (capacity & (capacity - 1)) !== 0) throw new RangeError(`capacity must be a power of two, got ${capacity}`);
    this.items = new Int32Array(capacity);
  }

  pushBack(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = value;
    this.length++;
  }

  popBack(): number {
    if (this.length === 0) throw new RangeError('pop from an empty deque');
    this.length--;
    return this.items[(this.head + this.length) & (this.items.length - 1)];
  }

  popFront(): number {
    if (this.length === 0) throw new RangeError('pop from an empty deque');
    const value = this.items[this.head];
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return value;
  }

  /** Removes the first occurrence of `value` (O(length)); false when absent. */
  remove(value: number): boolean {
    const mask = this.items.length - 1;
    for (let k = 0; k < this.length; k++) {
      if (this.items[(this.head + k) & mask] !== value) continue;
      for (let j = k; j < this.length - 1; j++) this.items[(this.head + j) & mask] = this.items[(this.head + j + 1) & mask];
      this.length--;
      return true;
    }
    return false;
  }

  /** The k-th item from the front (0 = front). */
  at(k: number): number {
    return this.items[(this.head + k) & (this.items.length - 1)];
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    for (let k = 0; k < this.length; k++) items[k] = this.at(k);
    this.items = items;
    this.head = 0;
  }
}
