import type { InputFieldMap } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../../builder.js';

export type FilterFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/**
 * A record list's filter, `<Name>Filter`, and the `<Name>FilterBranch` its `anyOf` takes: the same fields,
 * where each branch's fields all hold and at least one branch must.
 */
export function recordFilter<Fields extends InputFieldMap>(name: 'Contact' | 'Company' | 'Deal', fields: (t: FilterFieldBuilder) => Fields) {
  const Branch = builder.inputType(`${name}FilterBranch`, { description: `One branch of \`${name}Filter.anyOf\`: its fields all hold.`, fields });
  return builder.inputType(`${name}Filter`, {
    fields: (t) => ({
      ...fields(t),
      anyOf: t.field({
        type: [Branch],
        required: false,
        description: 'Records matching at least one of these branches, on top of the fields beside anyOf (root lists only).',
        validate: z.array(z.unknown()).max(10, 'At most 10 anyOf branches.'),
      }),
    }),
  });
}
