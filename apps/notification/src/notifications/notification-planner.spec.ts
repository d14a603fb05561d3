import { IntendedNotification } from '../domain/decide-recipients';
import { Recipient } from '../recipients/schemas/recipient.schema';
import { applyCareTeamChannel, toContactCopy } from './notification-planner.service';

const staffEmail: IntendedNotification = {
  key: 'e-1:care-team:u-1:email',
  sourceEventId: 'e-1',
  sourceEventType: 'careloop.care-planning.CaseAssigned.v1',
  clientId: 'c-1',
  recipientKind: 'care-team',
  recipientRef: 'u-1',
  channel: 'email',
  templateKey: 'case-assigned',
  language: 'en',
  urgent: false,
};

const recipient = (overrides: Partial<Recipient>): Recipient => ({
  _id: 't-1:u-1',
  tenantId: 't-1',
  userId: 'u-1',
  preferredChannel: 'email',
  language: 'en',
  updatedBy: 'u-1',
  ...overrides,
});

describe('applyCareTeamChannel', () => {
  it('sends by SMS to staff who prefer it and gave a phone, with email as fallback', () => {
    const n = applyCareTeamChannel(staffEmail, recipient({ preferredChannel: 'sms', phone: '+15555550100', email: 'u1@example.test' }));
    expect(n).toMatchObject({ channel: 'sms', fallbackChannel: 'email', key: staffEmail.key });
  });

  it('keeps email otherwise, and never touches client or partner messages', () => {
    expect(applyCareTeamChannel(staffEmail, recipient({ preferredChannel: 'sms' }))).toBe(staffEmail);
    expect(applyCareTeamChannel(staffEmail, undefined)).toBe(staffEmail);
    const client = { ...staffEmail, recipientKind: 'client' as const };
    expect(applyCareTeamChannel(client, recipient({ preferredChannel: 'sms', phone: '+15555550100' }))).toBe(client);
  });
});

describe('toContactCopy', () => {
  it('gives the rules nothing without a recorded consent', () => {
    expect(toContactCopy(null)).toBeUndefined();
    expect(toContactCopy({ _id: 't:c', tenantId: 't', clientId: 'c', partnerIds: [] })).toBeUndefined();
  });

  it('says whether addresses exist without passing them on', () => {
    const copy = toContactCopy({
      _id: 't:c',
      tenantId: 't',
      clientId: 'c',
      partnerIds: ['p'],
      email: 'client@example.test',
      preferredChannel: 'sms',
      preferredLanguage: 'es-MX',
      consent: { contactByEmail: true, contactBySms: false, shareWithPartners: true },
    });
    expect(copy).toEqual({
      clientId: 'c',
      preferredChannel: 'sms',
      preferredLanguage: 'es-MX',
      hasEmail: true,
      hasPhone: false,
      consent: { contactByEmail: true, contactBySms: false, shareWithPartners: true },
    });
  });
});
