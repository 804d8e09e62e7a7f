import { describe, expect, it } from 'vitest';

import { consoleUpdateBodySchema } from '@/lib/callback-handler/callback-handler-schemas';
import { issuesToFields } from '@/lib/callback-handler/fields';
import { rsaTestKey } from '@/testing/fixtures/keys';

import { declineChangeBodySchema, reconcileChangeBodySchema } from './change-api-schemas';

const pem = rsaTestKey(2048).publicPem;
const proposal = (reason: string) => ({
  callbackHandler: { url: 'https://callbacks.example.com/cb', publicKey: pem },
  reason,
});

describe('a change reason', () => {
  it.each([
    ['a public key', pem],
    ['a certificate armour line', 'see -----BEGIN CERTIFICATE----- attached'],
    ['a private key armour line', 'oops -----BEGIN PRIVATE KEY----- MIIE'],
  ])('holding %s is a 400 on the reason field (the audit trail keeps no PEM), for every body', (_name, text) => {
    for (const result of [
      consoleUpdateBodySchema.safeParse(proposal(text)),
      declineChangeBodySchema.safeParse({ reason: text }),
      reconcileChangeBodySchema.safeParse({ outcome: 'failed', reason: text }),
    ]) {
      expect(result.success).toBe(false);
      expect(issuesToFields(result.error?.issues ?? []).reason).toMatch(/Remove the PEM block/);
    }
  });

  it.each(['\u202E', '\u202B', '\u2067', '\u200F', '\u061C'])('refuses the bidirectional control %j', (control) => {
    const result = declineChangeBodySchema.safeParse({ reason: `wrong host ${control}moc.live` });
    expect(issuesToFields(result.error?.issues ?? []).reason).toMatch(/right-to-left or left-to-right control/);
  });

  it('accepts right-to-left text itself, and the words BEGIN or PEM', () => {
    expect(declineChangeBodySchema.parse({ reason: 'המפתח הישן פג' }).reason).toBe('המפתח הישן פג');
    expect(declineChangeBodySchema.parse({ reason: 'BEGIN with the PEM from the ticket' }).reason).toBeTruthy();
  });
});
