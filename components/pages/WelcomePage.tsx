import { useAction } from '../hooks/useAction';
import { addSample } from '../hooks/store';
import { openOptionsPage } from '../hooks/browser';
import { useSettings } from '../hooks/useSettings';
import { RefreshOffer } from '../panels/RefreshStatus';

/** Shown once, after install: what the extension does, that nothing leaves the browser, three steps. */
export function WelcomePage() {
  const { note, act } = useAction();
  const [settings, update] = useSettings();
  return (
    <main className="welcome-page" data-testid="welcome">
      <h1>Welcome to Reddit Trend Radar</h1>
      <p>
        It keeps the Reddit posts you see while browsing and turns them into daily trend tables, stories and an analysis of what the communities
        you follow talk about.
      </p>
      <p>
        <strong>Nothing leaves your browser</strong>: no account, no server of ours; captures, reports and any language model stay on this
        computer.
      </p>
      <ol>
        <li>Browse Reddit as usual (new or old layout): every post you see is kept, with its score each time you see it.</li>
        <li>Click the toolbar icon for today&apos;s trending posts, the stories of the week, what is rising, and the analysis.</li>
        <li>Choose the communities that count in Options; by default the AI communities the published series follows.</li>
      </ol>
      <p>Optional, off until you turn it on: see beyond your screen.</p>
      {settings && <RefreshOffer settings={settings} update={update} />}
      <p>
        <button type="button" onClick={() => act(addSample, 'Sample data loaded: click the toolbar icon to see it.')} data-testid="welcome-sample">
          Load sample data
        </button>{' '}
        <button type="button" onClick={() => openOptionsPage()}>
          Options
        </button>
      </p>
      {note && (
        <p role={note.kind === 'error' ? 'alert' : 'status'} className={`status ${note.kind}`}>
          {note.text}
        </p>
      )}
    </main>
  );
}
