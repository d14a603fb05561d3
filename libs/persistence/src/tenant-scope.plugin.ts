import { Mongoose, Query, Schema } from 'mongoose';

/**
 * Every document carries its tenant and every query is scoped by it. A query without `tenantId` in its filter is a bug
 * that could leak another tenant's records, so it fails loudly instead of running. Platform machinery that legitimately
 * works across tenants (the outbox relay, retention jobs) says so with the `crossTenant` query option.
 */
export const CROSS_TENANT = { crossTenant: true } as const;

export class TenantScopeError extends Error {
  constructor(operation: string, model: string) {
    super(`${model}.${operation} without tenantId in its filter; scope it by tenant or pass the crossTenant option`);
    this.name = 'TenantScopeError';
  }
}

const QUERY_OPERATIONS = [
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'distinct',
] as const;

type AnyQuery = Query<unknown, unknown>;

function hasTenant(filter: Record<string, unknown>): boolean {
  const value = filter['tenantId'];
  return typeof value === 'string' ? value.length > 0 : value !== undefined && value !== null;
}

export function tenantScopePlugin(schema: Schema): void {
  if (!schema.path('tenantId')) {
    schema.add({ tenantId: { type: String, required: true, immutable: true } });
  }
  for (const op of QUERY_OPERATIONS) {
    schema.pre(op, function (this: AnyQuery) {
      const options = this.getOptions() as { crossTenant?: boolean };
      if (options.crossTenant) return;
      if (!hasTenant(this.getFilter() as Record<string, unknown>)) {
        throw new TenantScopeError(op, this.model?.modelName ?? 'model');
      }
    });
  }
  schema.pre('aggregate', function () {
    const options = this.options as { crossTenant?: boolean };
    if (options.crossTenant) return;
    const first = this.pipeline()[0] as { $match?: Record<string, unknown> } | undefined;
    if (!first?.$match || !hasTenant(first.$match)) {
      throw new TenantScopeError('aggregate', 'model');
    }
  });
}

let installed = false;

/**
 * Installs the tenant scope on every root schema compiled from now on. Embedded schemas (addresses, outbox entries) are
 * part of their document and inherit its tenant, so plugins are not applied to child schemas.
 */
export function installTenantScope(instance: Mongoose): void {
  if (installed) return;
  instance.set('applyPluginsToChildSchemas', false);
  instance.plugin(tenantScopePlugin);
  installed = true;
}
