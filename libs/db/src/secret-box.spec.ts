import { describe, expect, it } from 'vitest';
import { openSecrets, sealSecrets } from './secret-box';

const KEY = 'a-test-secret-key-that-is-long-enough-1234';

describe('sealSecrets / openSecrets', () => {
  it('round-trips, and never stores the plaintext', () => {
    const sealed = sealSecrets({ clientSecret: 'hunter2-very-secret' }, KEY, 'reddit-uk');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('hunter2');
    expect(openSecrets(sealed, KEY, 'reddit-uk')).toEqual({ clientSecret: 'hunter2-very-secret' });
  });

  it('uses a fresh IV each time', () => {
    expect(sealSecrets({ a: 'b' }, KEY, 'x')).not.toBe(sealSecrets({ a: 'b' }, KEY, 'x'));
  });

  it('refuses another key, another source, or a tampered ciphertext', () => {
    const sealed = sealSecrets({ accessToken: 't' }, KEY, 'mastodon');
    expect(() => openSecrets(sealed, `${KEY}-other`, 'mastodon')).toThrow(/PARLEY_SECRET_KEY/);
    expect(() => openSecrets(sealed, KEY, 'another-source')).toThrow(/PARLEY_SECRET_KEY/);
    const [format, iv, tag, body] = sealed.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => openSecrets([format, iv, tag, flipped].join('.'), KEY, 'mastodon')).toThrow();
    expect(() => openSecrets('plain text', KEY, 'mastodon')).toThrow(/unknown format/);
  });

  it('reads no secrets as none', () => {
    expect(openSecrets(null, KEY, 'x')).toEqual({});
  });
});
