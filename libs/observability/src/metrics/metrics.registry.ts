import { Counter, Gauge, Histogram, collectDefaultMetrics, Registry } from 'prom-client';

export const METRICS_OPTIONS = Symbol.for('careloop.metrics-options');

export interface MetricsOptions {
  serviceName: string;
  /** Process metrics (CPU, memory, event loop); off in tests that build many registries. */
  defaultMetrics?: boolean;
}

type GaugeCollect<L extends string> = (this: Gauge<L>) => void | Promise<void>;

/**
 * One prom-client registry per service, with the `service` label on every series. The getters
 * return an already registered metric, so two modules asking for the same name share it.
 * Label values must be bounded (method, route template, status...): never ids or personal data.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(options: MetricsOptions) {
    this.registry.setDefaultLabels({ service: options.serviceName });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  counter<L extends string = string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return (
      this.existing<Counter<L>>(name, Counter) ?? new Counter<L>({ name, help, labelNames, registers: [this.registry] })
    );
  }

  gauge<L extends string = string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: GaugeCollect<L>,
  ): Gauge<L> {
    return (
      this.existing<Gauge<L>>(name, Gauge) ??
      new Gauge<L>({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect } : {}) })
    );
  }

  histogram<L extends string = string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets?: number[],
  ): Histogram<L> {
    return (
      this.existing<Histogram<L>>(name, Histogram) ??
      new Histogram<L>({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) })
    );
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private existing<M>(name: string, kind: abstract new (...args: never[]) => unknown): M | undefined {
    const metric = this.registry.getSingleMetric(name);
    if (metric === undefined) return undefined;
    if (!(metric instanceof kind)) throw new Error(`Metric ${name} is already registered with another type`);
    return metric as M;
  }
}
