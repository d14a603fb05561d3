import { BaseEnv } from '@careloop/observability';

/** Intake needs nothing beyond the platform's variables yet; the class exists so additions have one place. */
export class IntakeEnv extends BaseEnv {}
