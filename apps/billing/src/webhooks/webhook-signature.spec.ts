import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = '{"id":"e1","type":"invoice.issued"}';

  it('signs "<t>.<body>" with HMAC-SHA256 of the secret', () => {
    const expected = createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('whsec_x', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signatures and refuses tampering, other secrets and stale ones', () => {
    const header = signatureHeader('whsec_x', body, 1700000000);
    expect(verifySignature('whsec_x', body, header, 1700000100)).toBe(true);
    expect(verifySignature('whsec_x', `${body} `, header, 1700000100)).toBe(false);
    expect(verifySignature('whsec_y', body, header, 1700000100)).toBe(false);
    expect(verifySignature('whsec_x', body, header, 1700000400)).toBe(false);
    expect(verifySignature('whsec_x', body, 't=1,v1=zz', 1)).toBe(false);
  });
});
