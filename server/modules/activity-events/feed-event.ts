/** An event as stored and as carried by the pub/sub (dates as ISO strings: it crosses Redis as JSON). */
export interface FeedEvent {
  id: string;
  workspaceId: string;
  sequence: number;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  verb: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
  createdAt: string;
}
