// A set of 64-bit natural-key prefixes in flat typed arrays (16 bytes an entry at most), for telling
// whether a key already came earlier in the same write without keeping a million strings alive.
// Two different keys sharing a prefix read as a repeat: callers treat that as "maybe" and take the
// slower path that handles real repeats, so a false alarm costs time, never correctness.
export class KeyPrefixSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
  }

  // Adds the prefix (two 32-bit halves of a hash); false when it was already there.
  add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    let i = lo & this.mask;
    while (this.used[i]) {
      if (this.lo[i] === lo && this.hi[i] === hi) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.size += 1;
    return true;
  }

  private grow() {
    const { hi, lo, used } = this;
    const slots = used.length * 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.add(hi[i], lo[i]);
  }
}
