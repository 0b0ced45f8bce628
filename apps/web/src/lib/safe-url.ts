/**
 * Links to the original posts come from public feeds, so anything but http(s) (javascript:, data:, sample:)
 * must never become an href.
 */
export const safeExternalUrl = (value: string | null | undefined): string | null => {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

/**
 * Where to go after signing in. Only same-site paths are allowed: `//evil.example` and `https://…` would turn
 * the sign-in page into an open redirect.
 */
export const safeRedirectPath = (value: string | null | undefined, fallback = '/'): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value === '/sign-in' || value.startsWith('/sign-in?')) return fallback;
  return value;
};
