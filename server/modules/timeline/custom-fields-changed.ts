// A timeline entry for an update that changed custom values: who, when, and the fields by their labels.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { ActivityEvent } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { encodeGlobalID } from '@pothos/plugin-relay';

const ENTITY: Record<string, CustomFieldEntity> = { Contact: 'CONTACT', Company: 'COMPANY', Deal: 'DEAL' };

/** Every definition of the entity, deleted and archived ones too: an old change still names its field. */
function labelsOf(ctx: Context, workspaceId: string, entity: CustomFieldEntity) {
  return ctx.memo(
    `customFieldLabels:${workspaceId}:${entity}`,
    async () => new Map((await ctx.prisma.customField.findMany({ where: { workspaceId, entity } })).map((f) => [f.key, f.label])),
  );
}

const ChangedField = builder.objectRef<{ key: string; label: string }>('ChangedCustomField').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({ key: t.exposeString('key'), label: t.exposeString('label') }),
});

export const CustomFieldsChangedType = builder.objectRef<ActivityEvent>('CustomFieldsChanged').implement({
  description: 'An update of the record that changed custom field values (the values themselves are on the record).',
  authScopes: (event) => ({ member: event.workspaceId }),
  fields: (t) => ({
    id: t.id({ resolve: (event) => encodeGlobalID('ActivityEvent', event.id) }),
    changedAt: t.field({ type: 'DateTime', resolve: (event) => event.createdAt }),
    changedBy: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, event, _args, ctx) => (event.actorUserId ? ctx.prisma.user.findUnique({ ...query, where: { id: event.actorUserId } }) : null),
    }),
    fields: t.field({
      type: [ChangedField],
      resolve: async (event, _args, ctx) => {
        const labels = await labelsOf(ctx, event.workspaceId, ENTITY[event.entityType]!);
        const keys = (event.changes as { customFields?: string[] }).customFields ?? [];
        return keys.map((key) => ({ key, label: labels.get(key) ?? key }));
      },
    }),
  }),
});
