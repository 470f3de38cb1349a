import { useEffect, useState } from 'react';
import { tldr, offlineTldr } from '@/lib/analysis/tldr';
import { generationCache } from '../hooks/store';
import { usePostDetail } from '../hooks/usePostDetail';
import { OFFLINE_SOURCE } from '@/lib/analysis/offline';
import { postMarkdown } from '@/lib/export/post';
import { readLine } from '@/lib/analysis/detail';
import { downloadText } from '../hooks/browser';
import { Markdown } from '../ui/Markdown';
import type { ModelState } from '../hooks/useModel';
import { postUrl } from '../ui/format';

/** A captured post: its TL;DR (cached; generate or regenerate with the model) and its export. */
export function PostTools({ postId, model, compact = false }: { postId: string; model: ModelState; compact?: boolean }) {
  const data = usePostDetail(postId);
  // The TL;DR belongs to one post: one shown for another (the side panel moved on) is never shown.
  const [held, setSummary] = useState<{ postId: string; text: string; source: string; fromCache?: boolean } | null>(null);
  const summary = held?.postId === postId ? held : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!data || data.row.id !== postId || summary) return;
    let current = true;
    // Show the cached model TL;DR at once if there is one, else the offline one.
    void (async () => {
      const engine = model.choice && !model.needsConsent && model.host?.loaded ? model.host.loaded : null;
      const next = engine ? await tldr(data.row, data.detail, engine, generationCache()) : { text: offlineTldr(data.row, data.detail), source: OFFLINE_SOURCE };
      if (current) setSummary({ ...next, postId });
    })();
    return () => {
      current = false;
    };
  }, [data, summary, model, postId]);

  if (data === undefined) return <p className="muted">Reading the post…</p>;
  if (data === null) return <p className="empty">This post is not captured yet: open it on Reddit and its record appears here.</p>;

  const generate = async (regenerate: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const engine = await model.acquire();
      let text = '';
      const result = await tldr(data.row, data.detail, engine, generationCache(), {
        regenerate,
        onToken: (t) => setSummary({ postId, text: (text += t), source: engine?.modelId ?? OFFLINE_SOURCE }),
      });
      setSummary({ ...result, postId });
    } catch (e) {
      setError(`The model could not summarise this post: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="post-tools" aria-label="TL;DR">
      {!compact && (
        <h2>
          <a href={postUrl(data.row)} target="_blank" rel="noreferrer">{data.row.title}</a>
        </h2>
      )}
      <h3>TL;DR</h3>
      {data.detail.read && (
        <p className="muted" data-testid="comments-read">
          From the post and the comments the page showed: {readLine(data.detail.read)}.
        </p>
      )}
      {summary && <Markdown text={summary.text} />}
      <p className="muted source">
        Written by: {summary?.source ?? '…'}
        {summary?.fromCache ? ' · from cache' : ''}
      </p>
      {error && <p className="note" role="alert">{error}</p>}
      <div className="actions">
        {model.choice && !model.offlineReason && (
          <button type="button" disabled={busy || model.needsConsent} onClick={() => void generate(summary?.source !== OFFLINE_SOURCE)} title={model.needsConsent ? 'Agree to the model download in the report first' : undefined}>
            {busy ? 'Summarising…' : summary && summary.source !== OFFLINE_SOURCE ? 'Regenerate TL;DR' : 'Summarise with the model'}
          </button>
        )}
        <button
          type="button"
          onClick={() => downloadText(`reddit-post-${data.row.id.slice(3)}.txt`, postMarkdown({ ...data.row, body: data.detail.body }, data.comments), 'text/plain')}
        >
          Export post
        </button>
      </div>
    </section>
  );
}
