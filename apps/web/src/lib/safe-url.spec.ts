import { describe, expect, it } from 'vitest';
import { safeExternalUrl, safeRedirectPath } from './safe-url';

describe('safeExternalUrl', () => {
  it.each([
    ['https://www.gov.uk/guidance', 'https://www.gov.uk/guidance'],
    ['http://example.org/post/1', 'http://example.org/post/1'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['sample:travel-forum', null],
    ['/relative/path', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, expected) => expect(safeExternalUrl(value)).toBe(expected));
});

describe('safeRedirectPath', () => {
  it.each([
    ['/conversations/42', '/conversations/42'],
    ['/inbox?department=dft&sort=recent', '/inbox?department=dft&sort=recent'],
    ['//evil.example/phish', '/inbox'],
    ['/\\evil.example', '/inbox'],
    ['https://evil.example', '/inbox'],
    ['inbox', '/inbox'],
    ['/sign-in', '/inbox'],
    ['/sign-in?redirectTo=/x', '/inbox'],
    [null, '/inbox'],
  ])('%s → %s', (value, expected) => expect(safeRedirectPath(value, '/inbox')).toBe(expected));
});
