import { builder } from '../../builder.js';
import { memberNode } from '../node/uuid.js';

// Pipelines and their stages are workspace settings: every member reads them, admins change them.
export const PipelineType = builder.prismaNode('Pipeline', {
  ...memberNode,
  description: 'An ordered set of stages that deals move through. Each workspace has one default pipeline.',
  fields: (t) => ({
    name: t.exposeString('name'),
    isDefault: t.exposeBoolean('isDefault', { description: 'New deals land here when no pipeline is named.' }),
    position: t.exposeInt('position', { description: 'Order among the workspace pipelines.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    stages: t.relation('stages', { description: 'In board order.', query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } }),
  }),
});

export const PipelineStageType = builder.prismaNode('PipelineStage', {
  ...memberNode,
  fields: (t) => ({
    name: t.exposeString('name'),
    position: t.exposeInt('position', { description: 'Zero-based place on the board.' }),
    probability: t.exposeInt('probability', { description: 'Percent chance of winning a deal in this stage.' }),
    isWon: t.exposeBoolean('isWon', { description: 'Deals here are WON.' }),
    isLost: t.exposeBoolean('isLost', { description: 'Deals here are LOST.' }),
    pipeline: t.relation('pipeline'),
  }),
});
