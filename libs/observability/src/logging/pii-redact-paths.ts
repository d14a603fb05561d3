/** Fields that hold personal or clinical data in our payloads (FHIR-ish and plain names). */
export const PII_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'birthDate',
  'dateOfBirth',
  'dob',
  'address',
  'addresses',
  'line',
  'phone',
  'phones',
  'email',
  'emails',
  'ssn',
  'mrn',
  'memberId',
  'answers',
  'notes',
  'telecom',
  'identifiers',
] as const;

/** Credentials that pino-http would otherwise copy from the request and response headers. */
export const CREDENTIAL_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
] as const;

/**
 * Redaction paths for personal fields at depth 1 to 4 (`x` ... `*.*.*.x`; an array element counts as a level, so
 * `{ client: { contacts: [{ name }] } }` is covered). Deeper personal data is covered only when a parent is itself a
 * listed field; do not log whole aggregates.
 * Note: `*.name` also masks `err.name`; the error class stays visible as `err.type`.
 */
export const PII_REDACT_PATHS: readonly string[] = PII_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
  `*.*.*.${field}`,
]);

export const REDACT_CENSOR = '[REDACTED]';
