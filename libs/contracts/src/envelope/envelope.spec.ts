import { randomUUID } from 'node:crypto';
import { NeedAssessed, NeedAssessedV1 } from '../events/intake.events';
import { EventContractError, createEnvelope, decodeEvent, fromKafkaRecord, toKafkaRecord } from './envelope';

const ctx = { tenantId: 'tenant-a', correlationId: 'corr-1', causationId: 'cause-1' };

function validPayload(): NeedAssessedV1 {
  return {
    assessmentId: randomUUID(),
    clientId: randomUUID(),
    instrument: 'PHQ-9',
    instrumentLoinc: '44249-1',
    completedAt: new Date().toISOString(),
    result: { total: 12, band: 'moderate', positive: true },
    needs: [
      {
        needId: randomUUID(),
        domain: 'clinical',
        category: 'depression',
        severity: 'moderate',
        urgent: false,
        code: { system: 'http://snomed.info/sct', code: '35489007', display: 'Depressive disorder' },
        callsForCommunityResource: false,
      },
    ],
    context: { preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '02118', latitude: 42.34, longitude: -71.07 } },
  };
}

describe('event envelope', () => {
  it('round-trips through the Kafka binding with every attribute', () => {
    const data = validPayload();
    const { envelope, key } = createEnvelope(NeedAssessed, data, ctx, { id: randomUUID(), source: '/careloop/intake' });
    expect(key).toBe(data.clientId);
    const record = toKafkaRecord(envelope, key);
    expect(record.headers['ce_type']).toBe('careloop.intake.NeedAssessed.v1');
    expect(record.headers['ce_tenantid']).toBe('tenant-a');
    expect(record.headers['ce_correlationid']).toBe('corr-1');
    expect(record.headers['content-type']).toBe('application/json');

    const back = fromKafkaRecord({ key: record.key, value: Buffer.from(record.value), headers: record.headers });
    const decoded = decodeEvent(NeedAssessed, back);
    expect(decoded).toEqual({ ...envelope, data });
  });

  it('refuses a payload that breaks its schema, naming the field but not the value', () => {
    const bad = { ...validPayload(), instrument: 'PHQ-99', result: { total: -1, positive: true } };
    let caught: unknown;
    try {
      createEnvelope(NeedAssessed, bad as unknown as NeedAssessedV1, ctx, { id: 'x1', source: '/careloop/intake' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EventContractError);
    const issues = (caught as EventContractError).issues.join(' ');
    expect(issues).toContain('instrument');
    expect(issues).toContain('result.total');
    expect(issues).not.toContain('PHQ-99');
  });

  it('refuses an envelope without a tenant', () => {
    expect(() =>
      createEnvelope(NeedAssessed, validPayload(), { tenantId: '', correlationId: 'c' }, { id: 'x', source: '/careloop/intake' }),
    ).toThrow(EventContractError);
  });

  it('rejects a message that is not a CloudEvent', () => {
    expect(() => fromKafkaRecord({ key: 'k', value: '{"a":1}', headers: {} })).toThrow(EventContractError);
  });

  it('rejects a payload of the wrong type when decoding', () => {
    const { envelope } = createEnvelope(NeedAssessed, validPayload(), ctx, { id: 'x2', source: '/careloop/intake' });
    expect(() => decodeEvent(NeedAssessed, { ...envelope, data: { clientId: 'c' } })).toThrow(EventContractError);
  });
});
