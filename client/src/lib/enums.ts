import type { ActivityType, LifecycleStage, Role } from '../gql/graphql';

export const LIFECYCLE_STAGES: LifecycleStage[] = ['SUBSCRIBER', 'LEAD', 'QUALIFIED', 'OPPORTUNITY', 'CUSTOMER', 'EVANGELIST', 'OTHER'];
export const ACTIVITY_TYPES: ActivityType[] = ['TASK', 'CALL', 'MEETING'];
/** Highest first. */
export const ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
