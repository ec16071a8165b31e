// Who may receive an event: decided per event with the same rules as reads (records/access.ts and the
// modules' visibility fragments), cached per subscription and invalidated by events that change access.
import { roleCan, type Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound, unauthenticated } from '../../errors.js';
import { commentVisibleWhere } from '../comments/comment-target.js';
import { canSeeFile } from '../files/access.js';
import { canSeeRecord, type VisibleModel } from '../records/access.js';
import { canSeeInheriting, linkedRecordsVisibleWhere } from '../records/linked-records.js';
import type { FeedEvent } from './record-event.js';

const OWN_VISIBILITY: Record<string, VisibleModel> = { Contact: 'contact', Company: 'company', Deal: 'deal', Communication: 'communication' };
const INHERITED = { Note: 'note', Activity: 'activity' } as const;
/** Events about these reach only roles holding the permission; anything not listed reaches every reader. */
const BY_PERMISSION: Record<string, Permission> = { ApiKey: 'apiKeys:manage', Invitation: 'invitations:manage' };
/** Privacy actions (the erased contact no longer exists to check) reach only those who may take them. */
const BY_VERB: Record<string, Permission> = { erased: 'privacy:manage', exported: 'privacy:manage' };
/** Fields whose change can change who sees a record or what hangs off it. */
const ACCESS_FIELDS = new Set(['visibility', 'ownerId', 'contactId', 'companyId', 'dealId', 'noteId', 'activityId', 'communicationId', 'role', 'recordPolicy', 'teamId']);

export class FeedAccess {
  private sessionCheckedAt = Date.now();

  constructor(
    private readonly ctx: Context,
    readonly workspaceId: string,
    private readonly sessionRecheckMs: number,
  ) {}

  /** Throws when the viewer is no longer a reader of the workspace (removed, or a role that cannot read). */
  async requireReader(): Promise<void> {
    const role = await this.ctx.roleIn(this.workspaceId);
    if (!roleCan(role, 'records:read')) throw notFound('Workspace');
  }

  /** Re-validates the session (or API key) at most every sessionRecheckMs; a revoked one ends the feed. */
  async requireLiveCredentials(force = false): Promise<void> {
    if (!force && Date.now() - this.sessionCheckedAt < this.sessionRecheckMs) return;
    this.sessionCheckedAt = Date.now();
    const viewer = this.ctx.viewer;
    if (!viewer) throw unauthenticated();
    if (viewer.apiKey) {
      const key = await this.ctx.prisma.apiKey.findUnique({ where: { id: viewer.apiKey.id }, select: { revokedAt: true, expiresAt: true } });
      if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= new Date())) throw unauthenticated('The API key was revoked or expired; the feed is closed.');
    } else if (viewer.session) {
      const { session } = await this.ctx.app.auth.validateSession(viewer.session.id);
      if (!session) throw unauthenticated('Your session was revoked or expired; sign in again to resume the feed.');
    }
  }

  /** The subscriber's own API key was revoked or rotated: its feed must end now, not at the next recheck. */
  concernsOwnKey(event: FeedEvent): boolean {
    return event.entityType === 'ApiKey' && event.entityId === this.ctx.viewer?.apiKey?.id;
  }

  /** Call for every event, before deciding: events that change access drop the cached answers. */
  observe(event: FeedEvent): void {
    const fields = Array.isArray(event.changes.fields) ? (event.changes.fields as string[]) : [];
    const changesAccess =
      event.entityType === 'Membership' || event.entityType === 'Team' || event.entityType === 'Workspace' ||
      event.verb === 'shared' || event.verb === 'unshared' || event.verb === 'merged' ||
      fields.some((field) => ACCESS_FIELDS.has(field));
    if (changesAccess) this.ctx.invalidateRoles();
  }

  async canSee(event: FeedEvent): Promise<boolean> {
    const role = await this.ctx.roleIn(event.workspaceId);
    if (!roleCan(role, 'records:read')) return false;
    const permission = BY_VERB[event.verb] ?? BY_PERMISSION[event.entityType];
    if (permission) return roleCan(role, permission);
    const ref = { id: event.entityId, workspaceId: event.workspaceId };
    const own = OWN_VISIBILITY[event.entityType];
    if (own) return canSeeRecord(this.ctx, { ...ref, model: own });
    if (event.entityType === 'Note' || event.entityType === 'Activity') {
      return canSeeInheriting(this.ctx, { ...ref, model: INHERITED[event.entityType] }, linkedRecordsVisibleWhere);
    }
    if (event.entityType === 'Comment') return canSeeInheriting(this.ctx, { ...ref, model: 'comment' }, commentVisibleWhere);
    if (event.entityType === 'Attachment') return canSeeFile(this.ctx, ref);
    return true;
  }
}
