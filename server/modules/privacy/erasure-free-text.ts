// The erasure's pass over the workspace's free text (see erased-identifiers.ts). Updates go through the
// records' own rows, so their search documents are rewritten by the search triggers in the same transaction.
import type { Prisma } from '../../generated/prisma/client.js';
import { findNameMentions, identifierPattern, likeNeedles, nameTerms, scrubIdentifiers, type ContactIdentifiers } from './erased-identifiers.js';

type Tx = Prisma.TransactionClient;

/** Free-text fields of records that may outlive an erasure because they concern other records too. */
const FREE_TEXT = [
  { model: 'Note', fields: ['body'] },
  { model: 'Comment', fields: ['body'] },
  { model: 'Activity', fields: ['subject', 'body'] },
  { model: 'Communication', fields: ['subject', 'body', 'outcome'] },
] as const;

/** At most this many name mentions are listed; the admin redacts them and can look for more with search. */
export const MAX_MENTIONS = 100;

export interface ErasureMention {
  recordType: string;
  recordId: string;
  field: string;
  excerpt: string;
}

export interface FreeTextErasure {
  /** Records whose text lost an email, phone number or profile URL. */
  scrubbed: number;
  mentions: ErasureMention[];
}

type Row = Record<string, string | null> & { id: string };

async function candidates(tx: Tx, model: string, fields: readonly string[], workspaceId: string, needles: ReturnType<typeof likeNeedles>) {
  const text = (f: string) => `coalesce("${f}", '')`;
  const conditions = fields.flatMap((f) => [`lower(${text(f)}) LIKE ANY($2::text[])`, `regexp_replace(${text(f)}, '[^0-9]', '', 'g') LIKE ANY($3::text[])`]);
  return tx.$queryRawUnsafe<Row[]>(
    `SELECT id::text AS id, ${fields.map((f) => `"${f}"`).join(', ')} FROM "${model}" WHERE "workspaceId" = $1::uuid AND (${conditions.join(' OR ')}) ORDER BY id`,
    workspaceId,
    needles.text,
    needles.digits,
  );
}

type UpdateDelegate = { update: (args: { where: { id: string }; data: Record<string, string> }) => Promise<unknown> };

/**
 * Replaces the contact's exact identifiers in every free-text field of the workspace (trashed records
 * included) and lists where their name is still mentioned. The first name alone is looked for only in
 * records that were linked to the contact (`linkedIds`): elsewhere it is too often another word or person.
 */
export async function eraseFromFreeText(tx: Tx, workspaceId: string, ids: ContactIdentifiers, linkedIds: Set<string>): Promise<FreeTextErasure> {
  const pattern = identifierPattern(ids);
  const terms = nameTerms(ids);
  const firstNameOnly = ids.firstName.trim() !== `${ids.firstName} ${ids.lastName}`.trim() ? ids.firstName.trim() : null;
  const needles = likeNeedles(ids);
  let scrubbed = 0;
  const mentions: ErasureMention[] = [];
  for (const { model, fields } of FREE_TEXT) {
    for (const row of await candidates(tx, model, fields, workspaceId, needles)) {
      const changes: Record<string, string> = {};
      for (const field of fields) {
        const value = row[field];
        if (!value) continue;
        const clean = pattern ? scrubIdentifiers(value, pattern) : value;
        if (clean !== value) changes[field] = clean;
        const searched = linkedIds.has(row.id) ? terms : terms.filter((term) => term !== firstNameOnly);
        for (const { excerpt } of findNameMentions(clean, searched)) {
          if (mentions.length < MAX_MENTIONS) mentions.push({ recordType: model, recordId: row.id, field, excerpt });
        }
      }
      if (Object.keys(changes).length > 0) {
        const delegate = (tx as unknown as Record<string, UpdateDelegate>)[model[0]!.toLowerCase() + model.slice(1)]!;
        await delegate.update({ where: { id: row.id }, data: changes });
        scrubbed += 1;
      }
    }
  }
  return { scrubbed, mentions };
}
