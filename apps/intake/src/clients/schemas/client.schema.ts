import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin, WithOutbox } from '@careloop/messaging';
import { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class HumanName {
  @Prop({ type: [String], required: true }) given!: string[];
  @Prop({ required: true }) family!: string;
}

@Schema({ _id: false })
export class PostalAddress {
  @Prop({ type: [String], default: [] }) line!: string[];
  @Prop() city?: string;
  @Prop() state?: string;
  @Prop({ required: true }) postalCode!: string;
  @Prop() latitude?: number;
  @Prop() longitude?: number;
}

@Schema({ _id: false })
export class Identifier {
  @Prop({ required: true }) system!: string;
  @Prop({ required: true }) value!: string;
}

@Schema({ _id: false })
export class CoverageEntry {
  @Prop({ required: true }) kind!: string;
  @Prop() partnerId?: string;
  @Prop() memberId?: string;
}

@Schema({ _id: false })
export class ConsentState {
  @Prop({ required: true }) shareWithCommunityOrganizations!: boolean;
  @Prop({ required: true }) shareWithPartners!: boolean;
  @Prop({ required: true }) contactByEmail!: boolean;
  @Prop({ required: true }) contactBySms!: boolean;
  @Prop({ required: true }) recordedAt!: Date;
  @Prop({ required: true }) recordedBy!: string;
}

@Schema({ _id: false })
export class ContactPreferences {
  @Prop() preferredChannel?: string;
  @Prop() email?: string;
  @Prop() phone?: string;
}

/** A client as intake owns it (FHIR Patient-like). Personal fields live here and nowhere else in the platform. */
@Schema({ collection: 'clients', versionKey: false, timestamps: true })
export class Client {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ type: HumanName, required: true }) name!: HumanName;
  @Prop({ required: true }) birthDate!: string;
  @Prop({ required: true }) sex!: string;
  @Prop() genderIdentity?: string;
  @Prop({ required: true }) preferredLanguage!: string;
  @Prop({ type: PostalAddress, required: true }) address!: PostalAddress;
  @Prop({ type: [Identifier], default: [] }) identifiers!: Identifier[];
  @Prop({ type: [CoverageEntry], default: [] }) coverage!: CoverageEntry[];
  @Prop({ type: ConsentState, required: true }) consent!: ConsentState;
  @Prop({ type: ContactPreferences, required: true }) contact!: ContactPreferences;
  /** Normalized family name + given initial + birth date: the key likely duplicates share. */
  @Prop({ required: true }) matchKey!: string;
  @Prop({ type: [String], default: [] }) possibleDuplicateOf!: string[];
  @Prop({ required: true, default: 1 }) version!: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export type ClientDocument = HydratedDocument<Client & WithOutbox>;
export const ClientSchema = SchemaFactory.createForClass(Client);
ClientSchema.plugin(outboxPlugin);
ClientSchema.index({ tenantId: 1, matchKey: 1 });
ClientSchema.index({ tenantId: 1, 'identifiers.system': 1, 'identifiers.value': 1 });
