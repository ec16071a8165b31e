// Marks the query's words in a stored text: HTML-escaped text with <mark>…</mark> around matched words.
// A word matches when it starts with a query word (accents and case ignored) or is one typo away from it,
// the same rules the database matched with (kith_search_query, kith_match_query).

const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function fold(text: string): string {
  return [...text].map(foldChar).join('');
}

function foldChar(char: string): string {
  const lower = char.toLowerCase();
  return SPECIAL[lower] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

export function queryTerms(query: string): string[] {
  return [...fold(query).matchAll(WORD)].map((m) => m[0]).slice(0, 8);
}

/** At most one edit (substitution, insertion, deletion or swap of neighbours) apart. */
function oneTypoApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  return (
    restA === restB ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}

function wordMatches(word: string, terms: string[]): boolean {
  return terms.some((term) => word.startsWith(term) || (term.length >= 4 && /^\p{L}+$/u.test(term) && oneTypoApart(word, term)));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Ranges [start, end) of the original text whose words match. */
export function matchRanges(text: string, terms: string[]): Array<[number, number]> {
  return [...text.matchAll(WORD)].filter((m) => wordMatches(fold(m[0]), terms)).map((m) => [m.index, m.index + m[0].length]);
}

/** The text (or a window of it around the first match) with matches marked and everything else escaped. */
export function highlight(text: string, terms: string[], maxLength = 160): { html: string; matched: boolean } {
  const ranges = matchRanges(text, terms);
  let start = 0;
  let end = text.length;
  if (text.length > maxLength) {
    start = ranges[0] ? Math.max(0, ranges[0][0] - 40) : 0;
    end = Math.min(text.length, start + maxLength);
  }
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const [from, to] of ranges) {
    if (from < at || to > end) continue;
    html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  return { html, matched: ranges.length > 0 };
}
