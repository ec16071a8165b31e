import { builder } from '../../builder.js';
import { recordMutations } from '../records/record-mutations.js';
import { NoteInput } from './note.inputs.js';
import { createNote, updateNote } from './note.service.js';

builder.mutationFields((t) =>
  recordMutations(t, {
    type: 'Note',
    model: 'note',
    input: NoteInput,
    create: createNote,
    update: updateNote,
    descriptions: {
      delete:
        'Moves the note to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete their own.',
    },
  }),
);
