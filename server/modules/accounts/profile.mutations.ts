import { z } from 'zod';
import { builder } from '../../builder.js';
import { nameInput } from './inputs.js';
import { requireViewer } from './session.service.js';
import { ThemeEnum } from './user.types.js';

export const FONT_FAMILIES = ['system', 'sans', 'serif', 'mono', 'dyslexic'] as const;

const PreferencesInput = builder.inputType('PreferencesInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    theme: t.field({ type: ThemeEnum, required: false }),
    fontFamily: t.string({
      required: false,
      description: `One of: ${FONT_FAMILIES.join(', ')}.`,
      validate: z.enum(FONT_FAMILIES, { message: `Choose one of: ${FONT_FAMILIES.join(', ')}.` }),
    }),
    fontSize: t.int({
      required: false,
      validate: z.number().int().min(10, 'Font size is at least 10.').max(28, 'Font size is at most 28.'),
    }),
    analyticsOptOut: t.boolean({ required: false, description: 'Stop analytics-only usage data (page views, features, API calls).' }),
  }),
});

builder.mutationFields((t) => ({
  updatePreferences: t.prismaField({
    type: 'User',
    authScopes: { personal: true },
    args: { input: t.arg({ type: PreferencesInput }) },
    resolve: (query, _root, { input }, ctx) =>
      ctx.prisma.user.update({
        ...query,
        where: { id: requireViewer(ctx).user.id },
        data: {
          theme: input.theme ?? undefined,
          fontFamily: input.fontFamily ?? undefined,
          fontSize: input.fontSize ?? undefined,
          analyticsOptOut: input.analyticsOptOut ?? undefined,
        },
      }),
  }),
  updateProfile: t.prismaField({
    type: 'User',
    authScopes: { personal: true },
    args: { name: t.arg.string({ validate: nameInput }) },
    resolve: (query, _root, { name }, ctx) => ctx.prisma.user.update({ ...query, where: { id: requireViewer(ctx).user.id }, data: { name: name.trim() } }),
  }),
}));
