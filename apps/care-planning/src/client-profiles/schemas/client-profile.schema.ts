import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * What care-planning knows of a client beyond its own records, learnt from intake's events: only the consent to share
 * with community organizations (NeedAssessed carries no consent, and a referral must say whether details may be shared).
 * Contact details and names in ClientRegistered are deliberately not kept.
 */
@Schema({ collection: 'client_profiles', versionKey: false, timestamps: true })
export class ClientProfile {
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  @Prop({ required: true }) consentToShare!: boolean;
  /** When intake recorded that consent: a later-arriving older event must not overwrite a newer answer. */
  @Prop({ required: true }) consentRecordedAt!: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

export type ClientProfileDocument = HydratedDocument<ClientProfile>;
export const ClientProfileSchema = SchemaFactory.createForClass(ClientProfile);
ClientProfileSchema.index({ tenantId: 1, clientId: 1 }, { unique: true, name: 'profile_per_client' });
