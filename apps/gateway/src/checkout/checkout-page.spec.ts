import type { RechargeView } from '@tally/transport';
import { checkoutPage, escapeHtml, resultPage } from './checkout-page';

const hostile = '<img src=x onerror="alert(1)">&\'';

const recharge = (status: string): RechargeView =>
  ({
    id: 'c5a9a7b2-8d4e-4d3f-9b8e-0f1e2d3c4b5a',
    tenantId: 't',
    walletId: hostile,
    amountMicros: '12500000',
    bonusMicros: '0',
    currency: hostile,
    status,
    checkoutUrl: null,
    createdAt: '2026-12-03T00:00:00.000Z',
  }) as RechargeView;

describe('the local checkout page', () => {
  it('escapes every character HTML gives a meaning', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shows no markup it was given, whatever the field', () => {
    const pages = [
      checkoutPage(`cs_local_"><script>`, recharge('PENDING')),
      checkoutPage('cs_local_a', recharge('<b>SUCCEEDED</b>')),
      resultPage('<title>', '<p>message</p>', recharge('SUCCEEDED')),
    ];
    for (const html of pages) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('<p>message');
    }
    expect(pages[0]).toContain('12.500000 &lt;img');
  });

  it('offers Pay and Decline only while the recharge is PENDING', () => {
    expect(checkoutPage('cs_local_a', recharge('PENDING'))).toContain('/checkout/cs_local_a/pay');
    expect(checkoutPage('cs_local_a', recharge('EXPIRED'))).not.toContain('/pay');
  });
});
