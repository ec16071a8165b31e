import { builder } from '../../builder.js';
import { recordMutations } from '../records/record-mutations.js';
import { CommunicationInput } from './communication.inputs.js';
import { createCommunication, updateCommunication } from './communication.service.js';

builder.mutationFields((t) =>
  recordMutations(t, {
    type: 'Communication',
    model: 'communication',
    input: CommunicationInput,
    create: createCommunication,
    update: updateCommunication,
    descriptions: {
      create: 'Logs an email, SMS or call that happened (nothing is sent).',
      delete:
        'Moves the record to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete their own.',
    },
  }),
);
