import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@careloop/runtime';

const REFERRAL_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Referral ids are the producer's opaque ids (the event contract's Id), not necessarily UUIDs. */
@Injectable()
export class ReferralIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!REFERRAL_ID.test(value)) {
      throw new RequestValidationError([{ field: 'referralId', messages: ['referralId must be an identifier'] }]);
    }
    return value;
  }
}
