import { builder } from '../../builder.js';
import { recordMutations } from '../records/record-mutations.js';
import { CompanyInput } from './company.inputs.js';
import { createCompany, updateCompany } from './company.service.js';

builder.mutationFields((t) =>
  recordMutations(t, {
    type: 'Company',
    model: 'company',
    input: CompanyInput,
    create: createCompany,
    update: updateCompany,
    descriptions: {
      delete: 'Moves the company to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    },
  }),
);
