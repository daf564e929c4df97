import type { FakeAccount, MastodonState } from './state';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

// Mastodon's formatting: paragraphs, <br />, linked URLs (spans for the visible part), mentions of
// known accounts as h-card links, hashtags as rel="tag" links. "@user@domain" shows as "@user".
export function render(state: MastodonState, text: string) {
  const mentioned: FakeAccount[] = [];
  const tags: string[] = [];
  const token = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])|(^|[^\w@/])@(\w+)(?:@([\w.-]+\w))?|(^|[^\w&/])#(\w+)/g;
  const renderToken = (match: RegExpMatchArray) => {
    const [whole, url, mentionPrefix, user, domain, tagPrefix, tag] = match as unknown as (string | undefined)[];
    if (url) {
      const [, scheme, rest] = /^(https?:\/\/)(.*)$/.exec(url)!;
      return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">${scheme}</span><span class="${rest!.length > 30 ? 'ellipsis' : ''}">${escapeHtml(rest!.slice(0, 30))}</span><span class="invisible">${escapeHtml(rest!.slice(30))}</span></a>`;
    }
    if (user) {
      const acct = domain ? `${user}@${domain}` : user;
      const target = [...state.accounts.values()].find((account) => account.acct.toLowerCase() === acct.toLowerCase());
      if (!target) return escapeHtml(whole!);
      mentioned.push(target);
      return `${escapeHtml(mentionPrefix ?? '')}<span class="h-card" translate="no"><a href="${target.url}" class="u-url mention">@<span>${escapeHtml(target.username)}</span></a></span>`;
    }
    tags.push(tag!.toLowerCase());
    return `${escapeHtml(tagPrefix ?? '')}<a href="${state.base}/tags/${tag!.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag!)}</span></a>`;
  };
  const renderLine = (line: string) => {
    let html = '';
    let last = 0;
    for (const match of line.matchAll(token)) {
      html += escapeHtml(line.slice(last, match.index)) + renderToken(match);
      last = match.index! + match[0].length;
    }
    return html + escapeHtml(line.slice(last));
  };
  const html = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(renderLine).join('<br />')}</p>`)
    .join('');
  return { html, mentioned: [...new Map(mentioned.map((account) => [account.id, account])).values()], tags: [...new Set(tags)] };
}

// StatusLengthValidator: URLs weigh 23, a remote mention weighs as its local part, then grapheme clusters.
export function countStatusLength(text: string) {
  const countable = text.replace(/https?:\/\/[^\s]+/g, 'x'.repeat(23)).replace(/(^|[^\w@])@(\w+)@[\w.-]+\w/g, '$1@$2');
  return [...segmenter.segment(countable)].length;
}
