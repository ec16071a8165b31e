import { builder } from '../../builder.js';
import { recordMutations } from '../records/record-mutations.js';
import { ContactInput } from './contact.inputs.js';
import { createContact, updateContact } from './contact.service.js';

builder.mutationFields((t) =>
  recordMutations(t, {
    type: 'Contact',
    model: 'contact',
    input: ContactInput,
    create: createContact,
    update: updateContact,
    descriptions: {
      delete: 'Moves the contact to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    },
  }),
);
