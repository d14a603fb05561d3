import { BaseEnv } from '@careloop/observability';

export class CarePlanningEnv extends BaseEnv {}
