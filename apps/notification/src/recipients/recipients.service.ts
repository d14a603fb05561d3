import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Roles } from '@careloop/contracts';
import { FieldError, RequestValidationError } from '@careloop/runtime';
import { AuditService, FORBIDDEN_MESSAGE, Principal } from '@careloop/security';
import { isValidTimeZone, parseClock } from '../domain/quiet-hours';
import { PutRecipientDto } from './dto/put-recipient.dto';
import { RecipientViewDto, toRecipientView } from './dto/recipient-view.dto';
import { RecipientsRepository } from './recipients.repository';

/** Rules beyond the DTO's field formats; empty when the preferences can be saved. */
export function recipientProblems(dto: PutRecipientDto): FieldError[] {
  const problems: FieldError[] = [];
  if (dto.preferredChannel === 'email' && !dto.email) {
    problems.push({ field: 'email', messages: ['email is required when preferredChannel is email'] });
  }
  if (dto.preferredChannel === 'sms' && !dto.phone) {
    problems.push({ field: 'phone', messages: ['phone is required when preferredChannel is sms'] });
  }
  if (dto.quietHours) {
    if (!isValidTimeZone(dto.quietHours.timeZone)) {
      problems.push({ field: 'quietHours.timeZone', messages: ['timeZone must be an IANA time zone such as America/New_York'] });
    }
    if (parseClock(dto.quietHours.start) === parseClock(dto.quietHours.end)) {
      problems.push({ field: 'quietHours.end', messages: ['end must differ from start'] });
    }
  }
  return problems;
}

@Injectable()
export class RecipientsService {
  constructor(
    private readonly repository: RecipientsRepository,
    private readonly audit: AuditService,
  ) {}

  async put(principal: Principal, userId: string, dto: PutRecipientDto): Promise<RecipientViewDto> {
    await this.assertMayManage(principal, userId);
    const problems = recipientProblems(dto);
    if (problems.length > 0) throw new RequestValidationError(problems);
    const stored = await this.repository.put(principal.tenantId, userId, {
      email: dto.email,
      phone: dto.phone,
      preferredChannel: dto.preferredChannel,
      language: dto.language,
      quietHours: dto.quietHours ? { ...dto.quietHours } : undefined,
      updatedBy: principal.subject,
    });
    await this.audit.record({ action: 'update', resourceType: 'Recipient', resourceId: userId });
    return toRecipientView(stored);
  }

  async get(principal: Principal, userId: string): Promise<RecipientViewDto> {
    await this.assertMayManage(principal, userId);
    const stored = await this.repository.find(principal.tenantId, userId);
    if (!stored) throw new NotFoundException('Recipient not found');
    await this.audit.record({ action: 'read', resourceType: 'Recipient', resourceId: userId });
    return toRecipientView(stored);
  }

  /** Supervisors and admins manage anyone's preferences; everyone else only their own. */
  private async assertMayManage(principal: Principal, userId: string): Promise<void> {
    const privileged = principal.roles.includes(Roles.Supervisor) || principal.roles.includes(Roles.Admin);
    if (privileged || principal.subject === userId) return;
    await this.audit.record({ action: 'access-denied', resourceType: 'Recipient', resourceId: userId, outcome: 'denied' });
    throw new ForbiddenException(FORBIDDEN_MESSAGE);
  }
}
