import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const valid = { PARLEY_SESSION_SECRET: 'x'.repeat(32), PARLEY_SECRET_KEY: 'k'.repeat(32) };

describe('parseConfig', () => {
  it('applies defaults for a minimal environment', () => {
    const config = parseConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.fetchAllowlist).toEqual([]);
    expect(config.apiTokenDays).toBe(90);
  });

  it('reads how long API tokens work, in whole days', () => {
    expect(parseConfig({ ...valid, PARLEY_TOKEN_DAYS: '30' }).apiTokenDays).toBe(30);
    for (const days of ['0', '1.5', 'forever', '4000'])
      expect(() => parseConfig({ ...valid, PARLEY_TOKEN_DAYS: days })).toThrow(/PARLEY_TOKEN_DAYS/);
  });

  it('turns email on only with an SMTP address, and links to the public address', () => {
    expect(parseConfig(valid).smtp).toBeNull();
    expect(parseConfig(valid).publicUrl).toBe('http://localhost:3000');
    const on = parseConfig({
      ...valid,
      PARLEY_SMTP_URL: 'smtp://mail.example.gov.uk:25',
      PARLEY_PUBLIC_URL: 'https://parley.example.gov.uk/',
    });
    expect(on.smtp).toEqual({ url: 'smtp://mail.example.gov.uk:25', from: 'parley@localhost' });
    expect(on.publicUrl).toBe('https://parley.example.gov.uk');
    expect(() => parseConfig({ ...valid, PARLEY_SMTP_URL: 'http://mail' })).toThrow(/PARLEY_SMTP_URL/);
  });

  it('splits the fetch allowlist', () => {
    expect(
      parseConfig({ ...valid, PARLEY_FETCH_ALLOWLIST: '127.0.0.1, 10.0.0.0/8 ,intranet.local' })
        .fetchAllowlist,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', 'intranet.local']);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PARLEY_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of [
        'PORT',
        'DATABASE_URL',
        'PARLEY_DEMO',
        'PARLEY_SESSION_SECRET',
        'PARLEY_SECRET_KEY',
      ])
        expect(problems).toContain(name);
    }
  });
});
