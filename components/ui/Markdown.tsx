/**
 * A small Markdown renderer for our own and the model's text: paragraphs, lists, block quotes, bold,
 * italics, code and links. It builds React elements from text, so nothing is ever parsed as HTML; a
 * link is a link only when it points at reddit.com, anything else is shown as its text.
 */
import type { ReactNode } from 'react';

// Escaped characters (\[ \* …) never open a link or emphasis; inside link text they are text: our
// export writes "[\[R\] EGGROLL…](…)" for a title with brackets.
const LINK_TEXT = String.raw`(?:[^\]\\]|\\.)*`;
const INLINE = new RegExp(String.raw`(\*\*[^*]+\*\*|(?<!\\)\*[^*\s][^*]*(?<!\\)\*|` + '`[^`]+`' + String.raw`|(?<!\\)\[${LINK_TEXT}\]\([^)\s]+\))`, 'g');
const LINK = new RegExp(String.raw`^\[(${LINK_TEXT})\]\(([^)\s]+)\)$`);

function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && /(^|\.)reddit\.com$/i.test(u.hostname) ? u.href : null;
  } catch {
    return null;
  }
}

function unescape(text: string): string {
  // Any backslash-escaped ASCII punctuation (CommonMark), and the entities our escaping writes.
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d{1,5});/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const k = `${key}.${i}`;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={k}>{inline(part.slice(2, -2), k)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <code key={k}>{unescape(part.slice(1, -1))}</code>;
    const link = LINK.exec(part);
    if (link) {
      const href = safeHref(link[2]!);
      return href ? (
        <a key={k} href={href} target="_blank" rel="noreferrer">
          {unescape(link[1]!)}
        </a>
      ) : (
        <span key={k}>{unescape(link[1]!)}</span>
      );
    }
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return <em key={k}>{inline(part.slice(1, -1), k)}</em>;
    return unescape(part);
  });
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const key = `b${i}`;
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push(<hr key={key} />);
      i++;
    } else if (/^\s*[-*] /.test(line)) {
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*[-*] /.test(lines[i]!)) {
        const start = i;
        const parts: ReactNode[] = [inline(lines[i]!.replace(/^\s*[-*] /, '').replace(/ {2}$/, ''), `${key}.${i}`)];
        i++;
        // Indented lines after an item belong to it ("  *Why it stands out:* …").
        while (i < lines.length && /^ {2,}\S/.test(lines[i]!) && !/^\s*[-*] /.test(lines[i]!)) {
          parts.push(<br key={`br${i}`} />, inline(lines[i]!.trim(), `${key}.${i}`));
          i++;
        }
        items.push(<li key={start}>{parts}</li>);
      }
      blocks.push(<ul key={key}>{items}</ul>);
    } else if (/^\s*(>|&gt;) ?/.test(line)) {
      const quote: string[] = [];
      while (i < lines.length && /^\s*(>|&gt;) ?/.test(lines[i]!)) quote.push(lines[i++]!.replace(/^\s*(>|&gt;) ?/, ''));
      blocks.push(<blockquote key={key}>{inline(quote.join(' '), key)}</blockquote>);
    } else if (/^#{1,6} /.test(line)) {
      blocks.push(<p key={key} className="md-heading"><strong>{inline(line.replace(/^#+ /, ''), key)}</strong></p>);
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^\s*([-*] |>|&gt;|#{1,6} )/.test(lines[i]!)) para.push(lines[i++]!);
      blocks.push(<p key={key}>{inline(para.join(' '), key)}</p>);
    }
  }
  return <div className={className ?? 'md'}>{blocks}</div>;
}
