import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { ImportEntity } from '../../generated/prisma/enums.js';
import { emitEvent } from '../activity-events/record-event.js';
import { isKnownField } from './fields.js';
import { savedColumnsOf } from './mapping.js';

export async function saveImportMapping(
  context: Context,
  workspaceId: string,
  input: { name: string; entity: ImportEntity; headers: string[]; columns: Array<string | null> },
  query: object = {},
) {
  if (input.headers.length !== input.columns.length) throw badInput('Give one field (or null) per header.', 'columns');
  const unknown = input.columns.find((field) => field !== null && !isKnownField(input.entity, field));
  if (unknown)
    throw badInput(`"${unknown}" is not a field of ${({ CONTACT: 'contacts', COMPANY: 'companies', DEAL: 'deals' } as const)[input.entity]}.`, 'columns');
  const columns = savedColumnsOf(input.headers, { entity: input.entity, columns: input.columns });
  const name = input.name.trim();
  return context.prisma.$transaction(async (tx) => {
    const saved = await tx.importMappingPreset.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name, entity: input.entity, columns, createdById: context.viewer?.user.id ?? null },
      update: { entity: input.entity, columns },
    });
    await emitEvent(tx, context, saved, 'ImportMapping', 'saved', { name, entity: input.entity });
    return tx.importMappingPreset.findUniqueOrThrow({ ...query, where: { id: saved.id } });
  });
}
