import { DomainError } from '@tally/errors';
import { isPrivateAddress, parseWebhookUrl, WebhookAllowList } from './webhook-target';

describe('webhook targets', () => {
  const none = new WebhookAllowList('');

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111'])('treats %s as public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://2130706433/',
    'https://0x7f.1/',
    'http://93.184.216.34/hook',
    'https://user:pw@example.com/',
    'ftp://example.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => parseWebhookUrl(url, none)).toThrow(DomainError);
  });

  it('accepts public https URLs', () => {
    expect(parseWebhookUrl('https://hooks.example.com/tally', none).hostname).toBe(
      'hooks.example.com',
    );
  });

  it('lets the allow-list admit a private host or range, over http too', () => {
    const allow = new WebhookAllowList('127.0.0.0/8, receiver.internal');
    expect(parseWebhookUrl('http://127.0.0.1:8080/h', allow).port).toBe('8080');
    expect(parseWebhookUrl('http://receiver.internal/h', allow).hostname).toBe('receiver.internal');
    expect(() => parseWebhookUrl('http://10.0.0.1/h', allow)).toThrow(DomainError);
  });
});
