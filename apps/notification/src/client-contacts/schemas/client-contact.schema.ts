import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class ContactConsent {
  @Prop({ required: true }) contactByEmail!: boolean;
  @Prop({ required: true }) contactBySms!: boolean;
  @Prop({ required: true }) shareWithPartners!: boolean;
}

/**
 * The notification service's own copy of a client's contact facts, kept from ClientRegistered and ConsentRecorded.
 * Only what delivery needs: no name, no address, no clinical data.
 */
@Schema({ collection: 'client_contacts', versionKey: false, timestamps: true })
export class ClientContact {
  /** `<tenantId>:<clientId>`: one copy per client, whatever order its events arrive in. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  /** Set by ClientRegistered; a copy made from a ConsentRecorded that overtook it has no contact channels yet. */
  @Prop() registeredAt?: Date;
  @Prop() email?: string;
  @Prop() phone?: string;
  @Prop() preferredChannel?: string;
  @Prop() preferredLanguage?: string;
  /** Partners (insurers) of the client's coverage. */
  @Prop({ type: [String], default: [] }) partnerIds!: string[];
  @Prop({ type: ContactConsent }) consent?: ContactConsent;
  /** When the consent held here was recorded: an older consent event arriving late must not overwrite it. */
  @Prop() consentRecordedAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

export type ClientContactDocument = HydratedDocument<ClientContact>;
export const ClientContactSchema = SchemaFactory.createForClass(ClientContact);
ClientContactSchema.index({ tenantId: 1, clientId: 1 }, { unique: true, name: 'client_contact_unique' });
