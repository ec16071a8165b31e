// Who may receive an event: decided per event with the same rules as reads (auth/record-rules.ts), cached per subscription and invalidated by events that change access.
// Live events are decided once per audience (viewers the rules treat alike) for all subscribers here.
import { roleCan, type Permission } from '../../auth/permissions.js';
import type { WorkspaceStanding } from '../../auth/standings.js';
import type { Context } from '../../context.js';
import { notFound, unauthenticated } from '../../errors.js';
import { canSeeFile } from '../files/access.js';
import type { FeedEvent } from './feed-event.js';
import { canSeeRecord } from '../../auth/record-access.js';
import { modelOfTypename } from '../../auth/record-rules.js';

/** Events about these reach only roles holding the permission; anything not listed reaches every reader. */
const BY_PERMISSION: Record<string, Permission> = { ApiKey: 'apiKeys:manage', Invitation: 'invitations:manage', Billing: 'billing:manage' };
/** Privacy actions (the erased contact no longer exists to check) reach only those who may take them. */
const BY_VERB: Record<string, Permission> = { erased: 'privacy:manage', exported: 'privacy:manage' };
/** Fields whose change can change who sees a record or what hangs off it. */
const ACCESS_FIELDS = new Set([
  'visibility',
  'ownerId',
  'contactId',
  'companyId',
  'dealId',
  'noteId',
  'activityId',
  'communicationId',
  'role',
  'recordPolicy',
  'teamId',
]);

/** Whether an event can change who sees what: cached answers made before it must not be used after it. */
export function changesAccess(event: FeedEvent): boolean {
  const fields = Array.isArray(event.changes.fields) ? (event.changes.fields as string[]) : [];
  return (
    event.entityType === 'Membership' ||
    event.entityType === 'Team' ||
    event.entityType === 'Workspace' ||
    event.verb === 'shared' ||
    event.verb === 'unshared' ||
    event.verb === 'merged' ||
    fields.some((field) => ACCESS_FIELDS.has(field))
  );
}

function asReader(standing: WorkspaceStanding | null | undefined): WorkspaceStanding {
  if (!standing || !roleCan(standing.role, 'records:read')) throw notFound('Workspace');
  return standing;
}

export class FeedAccess {
  private sessionCheckedAt = Date.now();

  constructor(
    private readonly ctx: Context,
    readonly workspaceId: string,
    private readonly sessionRecheckMs: number,
  ) {}

  /**
   * The viewer's standing in the workspace, without waiting when the subscription already holds it; throws
   * when the viewer is no longer a reader (removed, or a role that cannot read).
   */
  readerStanding(): WorkspaceStanding | Promise<WorkspaceStanding> {
    const loaded = this.ctx.loadedStandings();
    if (loaded) return asReader(loaded.get(this.workspaceId));
    return this.ctx.standingIn(this.workspaceId).then(asReader);
  }

  /**
   * Re-validates the session (or API key) at most every sessionRecheckMs; a revoked one ends the feed. The
   * subscriptions of one credential share a recent check (ActivityHub.credentialChecks: a thousand tabs
   * opened at once would otherwise recheck in one burst); `force` always checks anew.
   */
  requireLiveCredentials(force = false): Promise<void> | void {
    if (!force && Date.now() - this.sessionCheckedAt < this.sessionRecheckMs) return;
    this.sessionCheckedAt = Date.now();
    return this.checkCredentials(force);
  }

  private async checkCredentials(force: boolean): Promise<void> {
    const viewer = this.ctx.viewer;
    if (!viewer) throw unauthenticated();
    const checks = this.ctx.app.activityHub.credentialChecks;
    const sharedFor = force ? 0 : this.sessionRecheckMs;
    if (viewer.apiKey) {
      const keyId = viewer.apiKey.id;
      if (!(await checks.get(`key:${keyId}`, () => this.apiKeyIsLive(keyId), sharedFor)))
        throw unauthenticated('The API key was revoked or expired; the feed is closed.');
    } else if (viewer.session) {
      const sessionId = viewer.session.id;
      if (!(await checks.get(`session:${sessionId}`, () => this.sessionIsLive(sessionId), sharedFor))) {
        throw unauthenticated('Your session was revoked or expired; sign in again to resume the feed.');
      }
    }
  }

  private async apiKeyIsLive(id: string): Promise<boolean> {
    const key = await this.ctx.prisma.apiKey.findUnique({ where: { id }, select: { revokedAt: true, expiresAt: true } });
    return !!key && !key.revokedAt && !(key.expiresAt && key.expiresAt <= new Date());
  }

  private async sessionIsLive(id: string): Promise<boolean> {
    return (await this.ctx.app.auth.validateSession(id)).session != null;
  }

  /** The subscriber's own API key was revoked or rotated: its feed must end now, not at the next recheck. */
  concernsOwnKey(event: FeedEvent): boolean {
    return event.entityType === 'ApiKey' && event.entityId === this.ctx.viewer?.apiKey?.id;
  }

  /** Call for every event, before deciding: events that change access drop the cached answers, shared ones too. */
  observe(event: FeedEvent): void {
    if (!changesAccess(event)) return;
    this.ctx.invalidateRoles();
    this.ctx.app.activityHub.decisions.forget();
  }

  /**
   * Names the viewers whose answers from canSee are always equal to this one's. The rules read only the role
   * of those who read every record; for others they read the user, the teams and the workspace's policy.
   */
  audienceOf(standing: WorkspaceStanding): string {
    if (roleCan(standing.role, 'records:readAll')) return standing.role;
    return [standing.role, standing.recordPolicy, this.ctx.viewer?.user.id, ...standing.teamIds].join(':');
  }

  /** canSee for a live event, answered once per audience for every subscriber on this instance. */
  canSeeShared(event: FeedEvent, audience: string): Promise<boolean> {
    return this.ctx.app.activityHub.decisions.get(`${event.id}/${audience}`, () => this.canSee(event));
  }

  async canSee(event: FeedEvent): Promise<boolean> {
    const role = await this.ctx.roleIn(event.workspaceId);
    if (!roleCan(role, 'records:read')) return false;
    const permission = BY_VERB[event.verb] ?? BY_PERMISSION[event.entityType];
    if (permission) return roleCan(role, permission);
    const ref = { id: event.entityId, workspaceId: event.workspaceId };
    const model = modelOfTypename(event.entityType);
    if (model) return canSeeRecord(this.ctx, { ...ref, model });
    if (event.entityType === 'Attachment') return canSeeFile(this.ctx, ref);
    if (event.entityType === 'SavedView') return event.changes.shared === true || event.actorUserId === this.ctx.viewer?.user.id;
    return true;
  }
}
