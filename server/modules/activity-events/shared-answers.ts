/**
 * Answers that every subscriber on this instance would otherwise compute for itself (may this audience see
 * this event? is this session still valid?): computed once per key, reused while fresh, dropped once older
 * than `retainMs` or, oldest first, when full. A failed computation is not kept.
 */
export class SharedAnswers<T> {
  private readonly answers = new Map<string, { at: number; answer: Promise<T> }>();

  constructor(
    private readonly capacity: number,
    private readonly retainMs = Infinity,
  ) {}

  /** The answer for `key` computed less than `maxAgeMs` ago, else a new one from `compute`. */
  get(key: string, compute: () => Promise<T>, maxAgeMs = Infinity): Promise<T> {
    const now = Date.now();
    const known = this.answers.get(key);
    if (known && now - known.at < Math.min(maxAgeMs, this.retainMs)) return known.answer;
    const answer = compute();
    this.answers.delete(key);
    this.dropOlderThan(now - this.retainMs);
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { at: now, answer });
    answer.catch(() => {
      if (this.answers.get(key)?.answer === answer) this.answers.delete(key);
    });
    return answer;
  }

  forget(): void {
    this.answers.clear();
  }

  /** Entries are in insertion order, which is the order of their times. */
  private dropOlderThan(cutoff: number) {
    for (const [key, { at }] of this.answers) {
      if (at >= cutoff) return;
      this.answers.delete(key);
    }
  }
}
