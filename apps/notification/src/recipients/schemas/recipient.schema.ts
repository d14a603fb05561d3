import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class QuietHoursSetting {
  /** `HH:mm`, in `timeZone`. */
  @Prop({ required: true }) start!: string;
  @Prop({ required: true }) end!: string;
  /** IANA time zone name. */
  @Prop({ required: true }) timeZone!: string;
}

/** How a care-team user wants to be notified: the addresses the service sends to and when it must hold back. */
@Schema({ collection: 'recipients', versionKey: false, timestamps: true })
export class Recipient {
  /** `<tenantId>:<userId>`. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop() email?: string;
  @Prop() phone?: string;
  @Prop({ required: true }) preferredChannel!: string;
  @Prop({ required: true }) language!: string;
  @Prop({ type: QuietHoursSetting }) quietHours?: QuietHoursSetting;
  @Prop({ required: true }) updatedBy!: string;
  /** Counts the changes (PUT is last-writer-wins; the count shows how often it changed). */
  @Prop() version?: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export type RecipientDocument = HydratedDocument<Recipient>;
export const RecipientSchema = SchemaFactory.createForClass(Recipient);
RecipientSchema.index({ tenantId: 1, userId: 1 }, { unique: true, name: 'recipient_unique' });
