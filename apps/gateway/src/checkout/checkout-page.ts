import { formatMicros, parseWireMicros } from '@tally/money';
import { rechargeReturnPath, type RechargeView } from '@tally/transport';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** The checkout of a PENDING recharge, with Pay and Decline; otherwise what became of it. */
export function checkoutPage(sessionId: string, recharge: RechargeView): string {
  const action = (verb: string) => escapeHtml(`/checkout/${encodeURIComponent(sessionId)}/${verb}`);
  const buttons =
    recharge.status === 'PENDING'
      ? `<form method="post" action="${action('pay')}"><button type="submit" name="pay">Pay</button></form>
<form method="post" action="${action('decline')}"><button type="submit" name="decline">Decline</button></form>`
      : `<p>This checkout is closed: the recharge is ${escapeHtml(recharge.status)}.</p>`;
  return page('Checkout', `${summary(recharge)}\n${buttons}`);
}

/** What Pay or Decline did, and the way back to the console, as Stripe's success URL. */
export function resultPage(title: string, message: string, recharge: RechargeView): string {
  const back = `<p><a id="back" href="${escapeHtml(rechargeReturnPath(recharge.id))}">Back to the console</a></p>`;
  return page(title, `<p id="result">${escapeHtml(message)}</p>\n${summary(recharge)}\n${back}`);
}

export function notFoundPage(): string {
  return page('Checkout not found', '<p>There is no checkout session at this address.</p>');
}

function summary(recharge: RechargeView): string {
  const amount = `${formatMicros(parseWireMicros(recharge.amountMicros))} ${recharge.currency}`;
  return `<dl>
<dt>Amount</dt><dd id="amount">${escapeHtml(amount)}</dd>
<dt>Wallet</dt><dd id="wallet">${escapeHtml(recharge.walletId)}</dd>
<dt>Status</dt><dd id="status">${escapeHtml(recharge.status)}</dd>
</dl>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — Tally (development)</title>
<style>
  body { font-family: sans-serif; max-width: 32rem; margin: 3rem auto; }
  dt { font-weight: bold; } dd { margin: 0 0 0.5rem 0; }
  form { display: inline-block; margin-right: 1rem; }
  .note { background: #fff8e1; padding: 0.5rem; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">Tally's local checkout, in place of Stripe Checkout in development: no money moves.
Pay and Decline send Stripe's own events, signed, to <code>/webhooks/stripe</code>.</p>
${body}
</body>
</html>
`;
}
