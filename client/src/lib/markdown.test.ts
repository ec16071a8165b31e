import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('reads paragraphs, headings, lists and code', () => {
    const blocks = parseMarkdown('# Plan\n\nCall **Ada** on *Monday*\n\n- one\n- two\n\n```\nx < 1\n```');
    expect(blocks.map((b) => b.kind)).toEqual(['h', 'p', 'ul', 'pre']);
    expect(blocks[3]).toEqual({ kind: 'pre', text: 'x < 1' });
  });

  it('keeps only http(s) and mailto links', () => {
    expect(parseInline('[ok](https://kith.example) [bad](javascript:alert(1))')).toEqual([
      { kind: 'link', href: 'https://kith.example', children: [{ kind: 'text', text: 'ok' }] },
      { kind: 'text', text: ' [bad](javascript:alert(1))' },
    ]);
  });
});
