/** Shapes values for error messages: URLs without query strings or credentials, sizes and durations people read. */

// Query strings can carry API keys or private-feed tokens, and these messages end up in logs and the UI.
export const describeUrl = (url: URL | string): string => {
  const parsed = typeof url === 'string' ? URL.parse(url) : url;
  if (!parsed) return 'an invalid URL';
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
};

export const formatBytes = (bytes: number): string => {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
};

export const formatDuration = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : `${+(ms / 1000).toFixed(1)} s`;
