import { Controller, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { defineEvent } from '@careloop/contracts';
import { BaseEnv } from '@careloop/observability';
import { PlatformModule } from '@careloop/runtime';
import { Model } from 'mongoose';
import { z } from 'zod';
import { ReliableConsumer, UnprocessableEventError, WithOutbox, outboxPlugin, topicName } from '@careloop/messaging';

/** A test-only event and aggregate to exercise the backbone end to end against the real broker and database. */
export const BackboneProbed = defineEvent({
  name: 'BackboneProbed',
  version: 1,
  owner: 'intake',
  topic: 'intake.backbone-probed.v1',
  description: 'test probe',
  schema: z.object({ probeId: z.string().min(1), step: z.number().int(), behaviour: z.enum(['ok', 'fail', 'unprocessable']) }),
  keyOf: (d) => d.probeId,
  keyDescription: 'probeId',
});

@Schema({ collection: 'probes', versionKey: false })
export class Probe {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true, default: 0 }) state!: number;
}
export const ProbeSchema = SchemaFactory.createForClass(Probe);
ProbeSchema.plugin(outboxPlugin);
export type ProbeWithOutbox = Probe & WithOutbox;

/** What handling did: one document per probe, `$inc` per handled event, so a double effect shows as 2. */
@Schema({ collection: 'probe_effects', versionKey: false })
export class ProbeEffect {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true, default: 0 }) handled!: number;
  @Prop({ type: [String], default: [] }) correlationIds!: string[];
}
export const ProbeEffectSchema = SchemaFactory.createForClass(ProbeEffect);

@Injectable()
export class ProbeAttempts {
  readonly byProbe = new Map<string, number>();
  /** Probes whose 'fail' behaviour has been fixed (as an operator would fix a bug before replaying dead letters). */
  readonly healed = new Set<string>();
}

@Controller()
export class ProbeEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly attempts: ProbeAttempts,
    @InjectModel(ProbeEffect.name) private readonly effects: Model<ProbeEffect>,
  ) {}

  @EventPattern(topicName(BackboneProbed.topic))
  async onProbe(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, BackboneProbed, 'probe-handler', async (event) => {
      const { probeId, behaviour } = event.data;
      this.attempts.byProbe.set(probeId, (this.attempts.byProbe.get(probeId) ?? 0) + 1);
      if (behaviour === 'fail' && !this.attempts.healed.has(probeId)) throw new Error('probe handler failure');
      if (behaviour === 'unprocessable') throw new UnprocessableEventError('probe cannot be processed', 'probe-unprocessable');
      await this.effects.updateOne(
        { tenantId: event.tenantid, _id: probeId },
        { $inc: { handled: 1 }, $push: { correlationIds: event.correlationid } },
        { upsert: true },
      );
    });
  }
}

@Module({
  imports: [
    PlatformModule.forService({ service: 'backbone-probe', envClass: BaseEnv }),
    MongooseModule.forFeature([
      { name: Probe.name, schema: ProbeSchema },
      { name: ProbeEffect.name, schema: ProbeEffectSchema },
    ]),
  ],
  controllers: [ProbeEventsController],
  providers: [ProbeAttempts],
})
export class BackboneProbeModule {}
