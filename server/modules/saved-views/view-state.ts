// A view's stored state: the list's own filter and sort inputs as JSON (what the API takes), checked by
// the list itself, and read back with conditions on deleted custom fields left out (and named).
import { coerceInputValue, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { badInput } from '../../errors.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';

/** The list's input types, by the list a view belongs to. */
export const LIST_INPUTS: Record<CustomFieldEntity, { filter: string; sort: string }> = {
  CONTACT: { filter: 'ContactFilter', sort: 'ContactSort' },
  COMPANY: { filter: 'CompanyFilter', sort: 'CompanySort' },
  DEAL: { filter: 'DealFilter', sort: 'DealSort' },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An input value as JSON, each scalar written by its own type (a Date as YYYY-MM-DD), so it reads back the same. */
export function inputToJson(value: unknown, type: GraphQLInputType): Json {
  if (value == null) return null;
  if (isNonNullType(type)) return inputToJson(value, type.ofType);
  if (isListType(type)) return (value as unknown[]).map((item) => inputToJson(item, type.ofType));
  if (isInputObjectType(type)) {
    const out: Record<string, Json> = {};
    for (const [name, field] of Object.entries(type.getFields())) {
      const v = (value as Record<string, unknown>)[name];
      if (v != null) out[name] = inputToJson(v, field.type);
    }
    return out;
  }
  if (isScalarType(type)) return type.serialize(value) as Json;
  if (isEnumType(type)) return value as string;
  return null;
}

/** Stored JSON back as the list's input value (dates as Dates); a stored value that no longer fits is refused, never guessed at. */
export function jsonToInput<T>(schema: GraphQLSchema, typeName: string, json: unknown): T {
  const type = schema.getType(typeName) as GraphQLInputType;
  return coerceInputValue(json, type, (path, _value, error) => {
    throw badInput(`The saved view no longer fits ${typeName}: ${error.message}`, ['view', ...path].join('.'));
  }) as T;
}

interface CustomCondition {
  key: string;
}
interface StoredFilter {
  custom?: CustomCondition[] | null;
  anyOf?: Array<{ custom?: CustomCondition[] | null }> | null;
}

/** The stored filter without conditions on keys that are not live fields, and those keys. */
export function withoutMissingFields<F extends StoredFilter>(filter: F, live: Set<string>): { filter: F; missing: string[] } {
  const missing = new Set<string>();
  const keep = (conditions: CustomCondition[] | null | undefined) => {
    const kept = (conditions ?? []).filter((c) => live.has(c.key) || (missing.add(c.key), false));
    return kept.length ? kept : undefined;
  };
  const pruned = { ...filter, custom: keep(filter.custom) };
  if (filter.anyOf) pruned.anyOf = filter.anyOf.map((branch) => ({ ...branch, custom: keep(branch.custom) }));
  return { filter: pruned, missing: [...missing] };
}
