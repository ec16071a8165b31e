// Readers shared by the site parsers: JSON-LD blocks, embedded JSON, and text from the DOM.
import type { FieldName, ProfileFieldValues, ReadFields, Reader } from './types.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whitespace collapsed; empty → null. */
export function clean(text: string | null | undefined): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

export function text(root: ParentNode, selector: string): string | null {
  return clean(root.querySelector(selector)?.textContent);
}

export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => clean(el.textContent)).filter((t): t is string => !!t);
}

export function parseJson(raw: string | null | undefined): Json | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Json;
  } catch {
    return null;
  }
}

/** Every node of every JSON-LD block, @graph flattened, broken blocks skipped. */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | null) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph']) visit(value['@graph']);
      if (isObject(value.mainEntity)) visit(value.mainEntity);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) visit(parseJson(script.textContent));
  return nodes;
}

const typesOf = (node: JsonObject) => [node['@type']].flat().filter((t): t is string => typeof t === 'string');

export function jsonLdOfType(doc: Document, type: string): JsonObject | null {
  return jsonLdNodes(doc).find((node) => typesOf(node).includes(type)) ?? null;
}

export const str = (value: Json | undefined): string | null => (typeof value === 'string' ? clean(value) : typeof value === 'number' ? String(value) : null);

/** A string, or the first string of a list, or the `name` of an object. */
export function firstName(value: Json | undefined): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const name = firstName(item);
      if (name) return name;
    }
    return null;
  }
  if (isObject(value)) return str(value.name);
  return str(value);
}

export function strings(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return str(value.name) ? [str(value.name)!] : [];
  const single = str(value);
  return single ? single.split(/\s*,\s*/).filter(Boolean) : [];
}

/** Collects fields: for each, the first reader (in the order given) that yields a non-empty value wins. */
export class FieldCollector {
  readonly fields: ReadFields = {};

  read<K extends FieldName>(field: K, readers: ReadonlyArray<Reader<ProfileFieldValues[K]>>): this {
    for (const [source, read] of readers) {
      let value: ProfileFieldValues[K] | null | undefined;
      try {
        value = read();
      } catch {
        value = null; // one broken source must not stop the next from being tried
      }
      const empty = value == null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'number' && Number.isNaN(value));
      if (!empty) {
        (this.fields as Record<string, unknown>)[field] = { value, source };
        return this;
      }
    }
    return this;
  }
}

/** "Ada Lovelace" → first and last; one word is a first name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}

/** An element whose aria-label or heading text matches, for sections named in several languages. */
export function sectionNamed(doc: Document, names: RegExp): Element | null {
  for (const section of doc.querySelectorAll('section, [role="region"]')) {
    const label = section.getAttribute('aria-label') ?? '';
    const labelledBy = section.getAttribute('aria-labelledby');
    const labelText = labelledBy ? (doc.getElementById(labelledBy)?.textContent ?? '') : '';
    const heading = section.querySelector('h2, h3')?.textContent ?? '';
    if (names.test(label) || names.test(labelText) || names.test(heading)) return section;
  }
  return null;
}

/** Addresses and numbers in mailto:/tel: links, as the page shows them to this viewer. */
export function contactLinks(root: ParentNode): { emails: string[]; phones: string[] } {
  const hrefs = [...root.querySelectorAll('a[href^="mailto:"], a[href^="tel:"]')].map((a) => a.getAttribute('href') ?? '');
  const unique = (list: string[]) => [...new Set(list.filter(Boolean))];
  return {
    emails: unique(
      hrefs
        .filter((h) => h.startsWith('mailto:'))
        .map((h) =>
          decodeURIComponent(h.slice(7).split('?')[0] ?? '')
            .trim()
            .toLowerCase(),
        ),
    ),
    phones: unique(hrefs.filter((h) => h.startsWith('tel:')).map((h) => decodeURIComponent(h.slice(4)).trim())),
  };
}

/** The first number in a text, "5,5 years" and "5.5 years" alike. */
export function numberIn(value: string | null | undefined): number | null {
  const match = value?.match(/\d+(?:[.,]\d+)?/);
  return match ? Number(match[0].replace(',', '.')) : null;
}
