/** What the governance module's printable pages share: escaping, links, UK times, tables and one stylesheet. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Everything that reaches the page goes through here: a post's text is the public's, never markup. */
export const e = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const ukTime = (iso: string | null): string =>
  iso
    ? new Date(iso).toLocaleString('en-GB', {
        timeZone: 'Europe/London',
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : 'Not known';

/** Only http(s) links become links; anything else (javascript:, data:) is shown as text. */
export const link = (url: string | null, text: string): string =>
  url && /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(text)}</a>` : e(text);

/** Each route of a reply in plain words. */
export const ROUTE_WORDS: Record<string, string> = {
  'public-info': 'Public information: the answer is already public',
  pointer: 'Pointer: point to published material',
  clearance: 'Needs clearance by policy and communications officials',
  'press-office': 'Press office: this would amount to an announcement',
  none: 'No reply suggested',
};

export const table = (headers: string[], rows: string[][], empty: string): string =>
  rows.length === 0
    ? `<p class="none">${e(empty)}</p>`
    : `<table><thead><tr>${headers.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

export const STYLE = `body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.8rem}h2{font-size:1.3rem;border-top:2px solid #0b0c0c;padding-top:.6rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f2f1}.post{border-left:4px solid #b1b4b6;padding:.2rem .8rem;margin:.8rem 0}.post--department{border-color:#1d70b8}
.meta{color:#505a5f;font-size:.85rem}.none{color:#505a5f}code{font-size:.8rem;word-break:break-all}a{color:#1d70b8}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,.post{break-inside:avoid}a{color:#0b0c0c}}`;
