// A small Markdown subset for notes and comments, parsed to a tree the view renders as elements:
// nothing is ever inserted as HTML, and links only keep http(s) and mailto addresses.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'p'; children: Inline[] }
  | { kind: 'h'; level: 1 | 2 | 3; children: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'pre'; text: string };

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^)\s]+)\)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ kind: 'em', children: parseInline((m[3] ?? m[4])!) });
    else out.push({ kind: 'link', href: m[6]!, children: parseInline(m[5]!) });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const LIST_ITEM = { ul: /^\s*[-*+]\s+/, ol: /^\s*\d+[.)]\s+/ };

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^```/.test(lines[i]!)) code.push(lines[i]!);
      blocks.push({ kind: 'pre', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const listKind = LIST_ITEM.ul.test(line) ? 'ul' : LIST_ITEM.ol.test(line) ? 'ol' : null;
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'h', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!) });
    } else if (listKind) {
      flush();
      const items: Inline[][] = [];
      for (; i < lines.length && LIST_ITEM[listKind].test(lines[i]!); i++) items.push(parseInline(lines[i]!.replace(LIST_ITEM[listKind], '')));
      i--;
      blocks.push({ kind: listKind, items });
    } else if (/^>\s?/.test(line)) {
      flush();
      blocks.push({ kind: 'quote', children: parseInline(line.replace(/^>\s?/, '')) });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}
