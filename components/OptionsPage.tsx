import { DataSection } from './DataSection';
import { ModelOptions } from './ModelOptions';
import { useSettings } from './hooks';

export function OptionsPage() {
  const [settings, update] = useSettings();
  if (!settings) return <p className="muted">Reading settings…</p>;
  return (
    <main className="options-page">
      <h1>Reddit Trend Radar — options</h1>
      <ModelOptions settings={settings} update={update} />
      <section className="options-section" aria-labelledby="data-h">
        <h2 id="data-h">Your data</h2>
        <DataSection />
      </section>
    </main>
  );
}
