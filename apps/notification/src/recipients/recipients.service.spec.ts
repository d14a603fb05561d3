import { ForbiddenException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Role, Roles } from '@careloop/contracts';
import { AuditService, Principal } from '@careloop/security';
import { PutRecipientDto } from './dto/put-recipient.dto';
import { RecipientsRepository } from './recipients.repository';
import { RecipientsService, recipientProblems } from './recipients.service';

const base: PutRecipientDto = { email: 'care.manager@example.test', preferredChannel: 'email', language: 'en' };

describe('recipientProblems', () => {
  it('accepts a complete preference', () => {
    expect(recipientProblems({ ...base, quietHours: { start: '22:00', end: '07:00', timeZone: 'America/New_York' } })).toEqual([]);
  });

  it('needs the address of the preferred channel, a real time zone and a non-empty window', () => {
    const fields = recipientProblems({
      preferredChannel: 'sms',
      language: 'en',
      quietHours: { start: '22:00', end: '22:00', timeZone: 'Nowhere/Fake' },
    }).map((p) => p.field);
    expect(fields).toEqual(['phone', 'quietHours.timeZone', 'quietHours.end']);
    expect(recipientProblems({ preferredChannel: 'email', language: 'en' }).map((p) => p.field)).toEqual(['email']);
  });
});

describe('RecipientsService', () => {
  async function build() {
    const repository = { put: jest.fn(async (_t: string, userId: string, f: object) => ({ userId, ...f })), find: jest.fn() };
    const audit = { record: jest.fn().mockResolvedValue(undefined) };
    const moduleRef = await Test.createTestingModule({
      providers: [RecipientsService, { provide: RecipientsRepository, useValue: repository }, { provide: AuditService, useValue: audit }],
    }).compile();
    return { service: moduleRef.get(RecipientsService), repository, audit };
  }
  const user = (subject: string, roles: Role[] = [Roles.CareManager]): Principal => ({ subject, tenantId: 't-1', roles });

  it('lets a user set their own preferences, and supervisors or admins anyone', async () => {
    const { service, repository } = await build();
    await service.put(user('u-1'), 'u-1', base);
    await service.put(user('s-1', [Roles.Supervisor]), 'u-1', base);
    await service.put(user('a-1', [Roles.Admin]), 'u-1', base);
    expect(repository.put).toHaveBeenCalledTimes(3);
  });

  it("refuses another user's preferences to everyone else, and records the denial", async () => {
    const { service, repository, audit } = await build();
    await expect(service.put(user('u-2'), 'u-1', base)).rejects.toBeInstanceOf(ForbiddenException);
    await expect(service.get(user('u-2', [Roles.Provider]), 'u-1')).rejects.toBeInstanceOf(ForbiddenException);
    expect(repository.put).not.toHaveBeenCalled();
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'access-denied', resourceId: 'u-1', outcome: 'denied' }));
  });
});
