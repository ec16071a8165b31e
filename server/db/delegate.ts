import type { Prisma } from '../generated/prisma/client.js';
import type { Context } from '../context.js';

export type ModelKey = Uncapitalize<Prisma.ModelName>;
type Db = Context['prisma'] | Prisma.TransactionClient;

/**
 * A model's delegate reached by name. Prisma's delegates share no callable union type, so code that works on
 * several models by name states the methods it calls as `D`; this is the one place that cast is made.
 */
export const delegateOf = <D>(db: Db, model: ModelKey) => db[model] as unknown as D;

type Finder = { findUniqueOrThrow(args: object): Promise<unknown> };

/** The row (often one a service just wrote) read with the GraphQL query's selection, relations included. */
export function selectedRow(ctx: Context, model: ModelKey, query: object, row: { id: string }) {
  return delegateOf<Finder>(ctx.prisma, model).findUniqueOrThrow({ ...query, where: { id: row.id } }) as never;
}

export type Counter = { count(args: { where: object }): Promise<number> };
