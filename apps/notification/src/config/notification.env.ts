import { BaseEnv } from '@careloop/observability';

export class NotificationEnv extends BaseEnv {}
