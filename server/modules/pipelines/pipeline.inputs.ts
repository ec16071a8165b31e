import { z } from 'zod';
import { builder } from '../../builder.js';
import { requiredText } from '../records/common.types.js';

export const MAX_STAGES = 30;

const probability = z.number().int().min(0, 'Probability is between 0 and 100.').max(100, 'Probability is between 0 and 100.');

export const StageInput = builder.inputType('StageInput', {
  description: 'A stage of a pipeline. A stage may be won or lost, not both.',
  fields: (t) => ({
    name: t.string({ validate: requiredText('Stage name', 60) }),
    probability: t.int({ required: false, description: 'Percent chance of winning a deal in this stage; 0 unless given.', validate: probability }),
    isWon: t.boolean({ required: false }),
    isLost: t.boolean({ required: false }),
  }),
});

export type StageInputShape = typeof StageInput.$inferInput;

export const StageUpdateInput = builder.inputType('StageUpdateInput', {
  description: 'Fields left out stay as they are. Changing the won/lost flags updates the status of the deals in the stage.',
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Stage name', 60) }),
    probability: t.int({ required: false, validate: probability }),
    isWon: t.boolean({ required: false }),
    isLost: t.boolean({ required: false }),
  }),
});

export type StageUpdateShape = typeof StageUpdateInput.$inferInput;

export const PipelineInput = builder.inputType('PipelineInput', {
  fields: (t) => ({
    name: t.string({ validate: requiredText('Pipeline name', 80) }),
    stages: t.field({
      type: [StageInput],
      description: `In board order, 1 to ${MAX_STAGES}.`,
      validate: z.array(z.unknown()).min(1, 'A pipeline needs at least one stage.').max(MAX_STAGES, `At most ${MAX_STAGES} stages.`),
    }),
  }),
});

export type PipelineInputShape = typeof PipelineInput.$inferInput;

export const PipelineUpdateInput = builder.inputType('PipelineUpdateInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Pipeline name', 80) }),
    isDefault: t.boolean({ required: false, description: 'true makes this the default pipeline (the previous default stops being one).' }),
  }),
});

export type PipelineUpdateShape = typeof PipelineUpdateInput.$inferInput;
