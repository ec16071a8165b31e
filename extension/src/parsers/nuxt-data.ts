// Nuxt 3 puts its state in <script id="__NUXT_DATA__" type="application/json"> as a devalue "flattened"
// array: index 0 is the root, objects and arrays hold indexes of other entries, and a few wrappers
// (["Reactive", i], ["Set", …], ["Date", "…"]) mark special values. This reads it back without eval.
import { isObject, parseJson, type Json } from './sources.js';

const WRAPPERS = new Set(['Reactive', 'ShallowReactive', 'Ref', 'ShallowRef', 'EmptyRef', 'EmptyShallowRef', 'NuxtError']);

export function readNuxtData(doc: Document): Json | null {
  const flat = parseJson(doc.querySelector('script#__NUXT_DATA__')?.textContent);
  if (!Array.isArray(flat) || flat.length === 0) return null;
  const done = new Map<number, Json>();
  const hydrate = (index: number, depth: number): Json => {
    if (index < 0 || depth > 64) return null; // negative indexes are undefined, NaN, ...
    if (done.has(index)) return done.get(index)!;
    const raw = flat[index];
    let value: Json;
    if (Array.isArray(raw)) {
      const [tag, ...rest] = raw;
      if (typeof tag === 'string' && WRAPPERS.has(tag)) value = hydrate(Number(rest[0]), depth + 1);
      else if (tag === 'Date') value = typeof rest[0] === 'string' ? rest[0] : null;
      else if (tag === 'Set') value = rest.map((i) => hydrate(Number(i), depth + 1));
      else value = raw.map((i) => hydrate(Number(i), depth + 1));
    } else if (isObject(raw)) {
      const object: Record<string, Json> = {};
      done.set(index, object);
      for (const [key, i] of Object.entries(raw)) object[key] = hydrate(Number(i), depth + 1);
      value = object;
    } else {
      value = raw ?? null;
    }
    done.set(index, value);
    return value;
  };
  return hydrate(0, 0);
}

/** The first object (depth first) that passes the test. */
export function findDeep(value: Json | null, test: (object: Record<string, Json>) => boolean, seen = new Set<unknown>()): Record<string, Json> | null {
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (isObject(value) && test(value)) return value;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const found = findDeep(child, test, seen);
    if (found) return found;
  }
  return null;
}
