// Custom values in a merge: by default the survivor's, then the first duplicate's that has one; a choice
// names the record (survivor or duplicate) whose value of a key the survivor keeps, even an empty one.
import { z } from 'zod';
import { builder } from '../../builder.js';
import { badInput } from '../../errors.js';

export const MergeFieldChoiceInput = builder.inputType('MergeFieldChoice', {
  description: 'Keep the value of custom field `key` from record `fromId` (the survivor or one of the duplicates).',
  fields: (t) => ({ key: t.string({ validate: z.string().max(64) }), fromId: t.id() }),
});

export const fieldChoicesArg = {
  type: [MergeFieldChoiceInput] as [typeof MergeFieldChoiceInput],
  required: false as const,
  validate: z.array(z.unknown()).max(100),
};

export interface FieldChoice {
  key: string;
  /** The record's database id. */
  fromId: string;
}

type Doc = Record<string, unknown>;

export function mergedCustomFields(
  survivor: { id: string; customFields: unknown },
  merged: Array<{ id: string; customFields: unknown }>,
  choices: FieldChoice[] = [],
) {
  const result = Object.assign({}, ...merged.map((m) => m.customFields as Doc).reverse(), survivor.customFields as Doc) as Doc;
  const byId = new Map([survivor, ...merged].map((r) => [r.id, (r.customFields ?? {}) as Doc]));
  for (const [i, choice] of choices.entries()) {
    const source = byId.get(choice.fromId);
    if (!source) throw badInput('Choose values from the survivor or one of the duplicates.', `fieldChoices.${i}.fromId`);
    if (source[choice.key] == null) delete result[choice.key];
    else result[choice.key] = source[choice.key];
  }
  return result;
}
