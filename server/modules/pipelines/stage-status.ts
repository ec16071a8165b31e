// A deal's status follows the flags of the stage it sits in; deals and pipeline edits both use this.
import type { Prisma } from '../../generated/prisma/client.js';
import type { DealStatus } from '../../generated/prisma/enums.js';

export interface StageFlags {
  isWon: boolean;
  isLost: boolean;
}

export function statusOfStage(stage: StageFlags): DealStatus {
  if (stage.isWon) return 'WON';
  if (stage.isLost) return 'LOST';
  return 'OPEN';
}

/**
 * Status and closedAt after entering a stage: closing stamps the time, reopening clears it, and moving
 * between two stages of the same closed kind keeps the original close time.
 */
export function statusAfterEntering(stage: StageFlags, current: { status: DealStatus; closedAt: Date | null } | null, now = new Date()) {
  const status = statusOfStage(stage);
  if (status === 'OPEN') return { status, closedAt: null };
  const keep = current && current.status === status && current.closedAt;
  return { status, closedAt: keep ? current.closedAt : now };
}

type Tx = Prisma.TransactionClient;

/**
 * Puts every deal matching `where` into the stage (and its pipeline), deriving status and closedAt per
 * deal as statusAfterEntering does, in two statements whatever the number of deals.
 */
export async function putDealsInStage(tx: Tx, where: Prisma.DealWhereInput, stage: StageFlags & { id: string; pipelineId: string }, now = new Date()) {
  const status = statusOfStage(stage);
  const placement = { stageId: stage.id, pipelineId: stage.pipelineId };
  if (status === 'OPEN') {
    await tx.deal.updateMany({ where, data: { ...placement, status, closedAt: null } });
    return;
  }
  // Deals already closed the same way keep their close time; the rest close now.
  await tx.deal.updateMany({ where: { AND: [where, { status }] }, data: placement });
  await tx.deal.updateMany({ where: { AND: [where, { status: { not: status } }] }, data: { ...placement, status, closedAt: now } });
}
