import { useEffect, useRef, useState } from 'react';
import type { Settings } from '@/lib/settings/shape';
import { askMessages, groundAnswer, offlineAnswer, type AnswerPart, type AskItem, type AskReply, type OfflineAnswer } from '@/lib/ask/answer';
import type { ModelState } from '../hooks/useModel';
import { askHistory, onAskDraft, takeAskDraft } from '../hooks/useAsk';
import { compactNumber } from '../ui/format';

type Answered = Extract<AskReply, { ok: true }>;
interface Turn {
  question: string;
  reply: Answered;
  offline: OfflineAnswer;
  model?: { parts: AnswerPart[]; removed: number; writer: string; streaming: boolean; note?: string };
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A citation: a link to the retrieved post or comment on reddit.com (the only links an answer has). */
function Cite({ item }: { item: AskItem | undefined }) {
  if (!item) return null;
  return (
    <a className="cite" href={item.url} target="_blank" rel="noreferrer" title={`${item.kind === 'post' ? 'Post' : 'Comment'} in r/${item.community}: ${item.title}`}>
      [{item.n}]
    </a>
  );
}

/**
 * "Ask your history" (side panel and report page): a question → the posts and comments that answer it,
 * an extractive answer with every sentence linked to its source, how people reacted, when it started;
 * and, where a model runs here, a short answer citing the same items. Follow-ups keep the items.
 */
export function AskPanel({ model, settings, heading = true }: { model: ModelState; settings: Settings; /** False where a summary already says it. */ heading?: boolean }) {
  const [draft, setDraft] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);

  const ask = async (question: string) => {
    const q = question.trim();
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      const keep = turns.at(-1)?.reply.items.map((i) => i.id) ?? [];
      const reply = await askHistory(q, keep);
      setTurns((t) => [...t, { question: q, reply, offline: offlineAnswer(reply.question, reply.items) }]);
      setDraft('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // A question the popup left for this panel (once, on mount; and those it leaves while the panel is open).
  useEffect(() => {
    void takeAskDraft().then((q) => q && void ask(q));
    return onAskDraft((q) => void ask(q));
  }, []);

  const answerWithModel = async (index: number) => {
    const turn = turns[index];
    if (!turn) return;
    const abort = new AbortController();
    stop.current = abort;
    const set = (model: Turn['model']) => setTurns((all) => all.map((t, i) => (i === index ? { ...t, model } : t)));
    try {
      const engine = await model.acquire(abort.signal);
      if (!engine) return set({ parts: [], removed: 0, writer: '', streaming: false, note: model.offlineReason ?? 'No model can run here: the answer above is the offline one.' });
      let text = '';
      const show = (streaming: boolean) => {
        const g = groundAnswer(text, turn.reply.items.length);
        set({ parts: g.parts, removed: g.removed.length, writer: engine.modelId, streaming });
        return g;
      };
      set({ parts: [], removed: 0, writer: engine.modelId, streaming: true });
      const result = await engine.generate(askMessages(turn.question, turn.reply.items), {
        maxTokens: 320,
        temperature: 0.2,
        signal: abort.signal,
        onToken: (t) => {
          text += t;
          show(true);
        },
      });
      text = result.text;
      const g = show(false);
      // Nothing usable (empty, or no citation of what was retrieved): the offline answer stands.
      if (!g.cited.length) set({ parts: [], removed: g.removed.length, writer: engine.modelId, streaming: false, note: `${engine.modelId} gave no answer citing your history; the answer above is the offline one.` });
    } catch (e) {
      const aborted = (e as Error).name === 'AbortError';
      set({ parts: [], removed: 0, writer: '', streaming: false, note: aborted ? 'Stopped.' : `The model failed (${(e as Error).message}); the answer above is the offline one.` });
    } finally {
      stop.current = null;
    }
  };

  const canModel = !!model.choice && !model.offlineReason;
  return (
    <section className="ask" aria-label="Ask your history" data-testid="ask">
      {heading && <h2>Ask your history</h2>}
      {turns.map((turn, i) => (
        <TurnView key={i} turn={turn} settings={settings} onModel={canModel && !turn.model?.streaming ? () => void answerWithModel(i) : null} needsConsent={model.needsConsent} onStop={turn.model?.streaming ? () => stop.current?.abort() : null} />
      ))}
      <form
        className="ask-form"
        onSubmit={(e) => {
          e.preventDefault();
          void ask(draft);
        }}
      >
        <input
          type="text"
          value={draft}
          maxLength={2_000}
          placeholder={turns.length ? 'A follow-up question' : 'What did people say about Qwen this week?'}
          aria-label={turns.length ? 'A follow-up question' : 'Ask a question about what you have read'}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="ask-input"
        />{' '}
        <button type="submit" disabled={busy || !draft.trim()} data-testid="ask-submit">
          {busy ? 'Searching…' : 'Ask'}
        </button>
        {turns.length > 0 && (
          <button type="button" onClick={() => setTurns([])} data-testid="ask-new">
            New question
          </button>
        )}
      </form>
      {error && <p className="note" role="alert">{error}</p>}
    </section>
  );
}

function TurnView({ turn, settings, onModel, onStop, needsConsent }: { turn: Turn; settings: Settings; onModel: (() => void) | null; onStop: (() => void) | null; needsConsent: boolean }) {
  const { reply, offline } = turn;
  const q = reply.question;
  const item = (n: number) => reply.items[n - 1];
  const searched = [q.asked.length ? q.asked.join(', ') : '(no searchable word)', q.range, q.communities.length ? q.communities.map((c) => `r/${c}`).join(', ') : null].filter(Boolean).join(' · ');
  const maxDay = Math.max(1, ...offline.days.map((d) => d.posts));
  return (
    <article className="ask-turn" data-testid="ask-turn">
      <h3 className="ask-question">{turn.question}</h3>
      <p className="muted" data-testid="ask-searched">
        Searched your history for: {searched}
        {q.cut ? ' (the question was cut at 500 characters)' : ''} · {reply.items.length} item{reply.items.length === 1 ? '' : 's'}
      </p>
      {reply.items.length === 0 ? (
        <p className="empty" data-testid="ask-nothing">
          Nothing in your history matches. Try other words{q.range ? ` or a longer time than ${q.range}` : ''};{' '}
          {settings.refreshEnabled ? 'refresh the tracked communities (Refresh now in the popup)' : 'turn on “Keep tracked communities fresh” in Options'}, or track the community it
          would be in.
        </p>
      ) : (
        <>
          <ol className="ask-answer" data-testid="ask-offline">
            {offline.sentences.map((s, i) => (
              <li key={i}>
                {s.text} <Cite item={item(s.n)} />
              </li>
            ))}
          </ol>
          {reply.reactions.of > 0 && (
            <p data-testid="ask-reactions">
              How people reacted, in {reply.reactions.of} comment{reply.reactions.of === 1 ? '' : 's'} of the leading posts: {reply.reactions.agree} agree · {reply.reactions.pushBack} push back · {reply.reactions.ask} ask.
            </p>
          )}
          {offline.first && (
            <div data-testid="ask-timeline">
              <p>
                Earliest: {day(offline.first.createdAt)} <Cite item={item(offline.first.n)} />
                {offline.days.length > 1 ? `; posts on ${offline.days.length} days:` : '.'}
              </p>
              {offline.days.length > 1 && (
                <ul className="ask-days" aria-label="Posts per day">
                  {offline.days.map((d) => (
                    <li key={d.day}>
                      <span className="ask-day">{d.day.slice(5)}</span>
                      <span className="ask-bar" style={{ width: `${(100 * d.posts) / maxDay}%` }} />
                      <span className="num">{d.posts}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <p className="muted source">Written by: the offline reader (sentences of the items below, ranked against the question)</p>
          {turn.model && (
            <div className="ask-model" data-testid="ask-model">
              {turn.model.parts.length > 0 && (
                <p>
                  {turn.model.parts.map((p, i) => ('cite' in p ? <Cite key={i} item={item(p.cite)} /> : <span key={i}>{p.text}</span>))}
                </p>
              )}
              {turn.model.note && <p className="note" role="status">{turn.model.note}</p>}
              {turn.model.writer && !turn.model.note && (
                <p className="muted source">
                  Written by: {turn.model.writer}
                  {turn.model.streaming ? ' · writing…' : ''}
                  {turn.model.removed ? ` · ${turn.model.removed} link${turn.model.removed === 1 ? '' : 's'} or citation${turn.model.removed === 1 ? '' : 's'} of nothing retrieved removed` : ''}
                </p>
              )}
            </div>
          )}
          <div className="actions">
            {onModel && (
              <button type="button" onClick={onModel} disabled={needsConsent} title={needsConsent ? 'Agree to the model download in the report first' : undefined} data-testid="ask-model-answer">
                {turn.model ? 'Answer again with the model' : 'Answer with the model'}
              </button>
            )}
            {onStop && (
              <button type="button" onClick={onStop} data-testid="ask-stop">
                Stop
              </button>
            )}
          </div>
          <details className="ask-items" open={reply.items.length <= 4}>
            <summary>The {reply.items.length} items read</summary>
            <ol data-testid="ask-items">
              {reply.items.map((i) => (
                <li key={i.id} value={i.n}>
                  <a href={i.url} target="_blank" rel="noreferrer">
                    {i.kind === 'post' ? i.title : `Comment under “${i.title}”`}
                  </a>{' '}
                  <span className="muted">
                    r/{i.community} · {day(i.createdAt)} · {compactNumber(i.score)} points{i.author ? ` · u/${i.author}` : ''}
                  </span>
                  {i.text && <span className="ask-excerpt">{i.text.length > 200 ? `${i.text.slice(0, 200)}…` : i.text}</span>}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </article>
  );
}
