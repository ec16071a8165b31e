import { afterEach, describe, expect, it, vi } from 'vitest';
import { SharedAnswers } from './shared-answers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('SharedAnswers', () => {
  it('computes once per key while fresh, again once stale or forgotten', async () => {
    vi.useFakeTimers();
    const answers = new SharedAnswers<number>(10);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await Promise.all([answers.get('a', compute, 100), answers.get('a', compute, 100)])).toEqual([1, 1]);
    vi.advanceTimersByTime(100);
    expect(await answers.get('a', compute, 100)).toBe(2);
    answers.forget();
    expect(await answers.get('a', compute)).toBe(3);
    expect(await answers.get('a', compute, 0)).toBe(4);
  });

  it('does not keep a failure, drops the oldest when full and anything older than retainMs', async () => {
    vi.useFakeTimers();
    const answers = new SharedAnswers<string>(2, 1000);
    await expect(answers.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await answers.get('x', async () => 'up')).toBe('up');
    await answers.get('y', async () => 'y1');
    await answers.get('z', async () => 'z1');
    expect(await answers.get('x', async () => 'x again')).toBe('x again');
    vi.advanceTimersByTime(1000);
    expect(await answers.get('z', async () => 'z2')).toBe('z2');
  });
});
