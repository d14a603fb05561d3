import { Client } from './schemas/client.schema';

/** What the API returns for a client: the record without storage internals (outbox, match key). */
export interface ClientView {
  id: string;
  name: Client['name'];
  birthDate: string;
  sex: string;
  genderIdentity?: string;
  preferredLanguage: string;
  address: Client['address'];
  identifiers: Client['identifiers'];
  coverage: Client['coverage'];
  consent: Client['consent'];
  contact: Client['contact'];
  possibleDuplicateOf: string[];
  version: number;
}

export function toClientView(c: Client): ClientView {
  return {
    id: c._id,
    name: c.name,
    birthDate: c.birthDate,
    sex: c.sex,
    genderIdentity: c.genderIdentity,
    preferredLanguage: c.preferredLanguage,
    address: c.address,
    identifiers: c.identifiers,
    coverage: c.coverage,
    consent: c.consent,
    contact: c.contact,
    possibleDuplicateOf: c.possibleDuplicateOf,
    version: c.version,
  };
}
