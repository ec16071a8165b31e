import type { ActivityType, LifecycleStage, Role } from '../gql/graphql';

export const LIFECYCLE_STAGES: LifecycleStage[] = ['SUBSCRIBER', 'LEAD', 'QUALIFIED', 'OPPORTUNITY', 'CUSTOMER', 'EVANGELIST', 'OTHER'];
export const ACTIVITY_TYPES: ActivityType[] = ['TASK', 'CALL', 'MEETING'];
/** Highest first. */
export const ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
/** The roles up to `role`, highest first: the server's rule that you hand out and manage roles up to your own. */
export const rolesUpTo = (role: Role) => ROLES.slice(ROLES.indexOf(role));
