import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits marked words from plain text and decodes the server escaping', () => {
    expect(parseSnippet('&#60;b&#62;Ada&#60;/b&#62; <mark>Love</mark>lace &amp; co')).toEqual([
      { text: '<b>Ada</b> ', marked: false },
      { text: 'Love', marked: true },
      { text: 'lace & co', marked: false },
    ]);
  });

  it('never turns anything but <mark> into markup', () => {
    const parts = parseSnippet('<img src=x onerror=alert(1)>hi <mark>there</mark>');
    expect(parts).toEqual([
      { text: 'hi ', marked: false },
      { text: 'there', marked: true },
    ]);
  });
});
