// A set of 64-bit natural-key prefixes in one flat typed array (8 bytes a slot, the two halves side
// by side so that a lookup touches one cache line), for telling whether a key already came earlier
// in the same write without keeping a million strings alive. Two different keys sharing a prefix
// read as a repeat: callers treat that as "maybe" and take the slower path that handles real
// repeats, so a false alarm costs time, never correctness. (0, 0) marks an empty slot, so that
// prefix is stored as (0, 1): one more such false alarm, at odds of one in 2^64.
export class KeyPrefixSet {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.slots = new Uint32Array(slots * 2);
    this.mask = slots - 1;
  }

  // Adds the prefix (two 32-bit halves of a hash); false when it was already there.
  add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const slots = this.slots;
    let i = lo & this.mask;
    for (;;) {
      const at = i * 2;
      const h = slots[at];
      const l = slots[at + 1];
      if (h === 0 && l === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        this.size += 1;
        return true;
      }
      if (h === hi && l === lo) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow() {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0 || old[at + 1] !== 0) this.add(old[at], old[at + 1]);
  }
}
