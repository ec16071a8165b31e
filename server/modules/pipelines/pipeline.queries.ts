import { builder } from '../../builder.js';
import { rowList } from '../workspaces/row-lists.js';
import './pipeline.types.js';

builder.queryField('pipelines', (t) =>
  rowList(t, {
    type: 'Pipeline',
    model: 'pipeline',
    permission: 'records:read',
    description: "The workspace's pipelines, in order.",
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  }),
);
