import { BaseEnv } from '@careloop/observability';

export class ResourceDirectoryEnv extends BaseEnv {}
