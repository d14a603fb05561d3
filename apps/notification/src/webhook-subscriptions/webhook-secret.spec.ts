import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signWebhook } from './webhook-secret';

describe('webhook secrets and signatures', () => {
  it('generates Standard Webhooks secrets of 32 random bytes', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('signs with every secret so a receiver holding any one of them verifies the message', () => {
    const [previous, current, unrelated] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const body = JSON.stringify({ id: 'evt-1', subject: { referralId: 'r-1' } });
    const now = new Date();
    const headers = {
      'webhook-id': 'msg-1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signWebhook([current, previous], 'msg-1', now, body),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(unrelated).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
