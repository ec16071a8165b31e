/**
 * A case-insensitive "contains" filter. Prisma turns it into ILIKE without escaping, so `%` and `_`
 * typed by a user would act as wildcards; they are escaped here to match literally.
 */
export function containsText(value: string) {
  return { contains: value.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const };
}
