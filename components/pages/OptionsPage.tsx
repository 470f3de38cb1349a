import { CommunityOptions } from '../options/CommunityOptions';
import { DataOptions } from '../options/DataOptions';
import { ModelOptions } from '../options/ModelOptions';
import { ReportOptions } from '../options/ReportOptions';
import { HealthOptions } from '../options/HealthOptions';
import { WatchOptions } from '../options/WatchOptions';
import { RefreshOptions } from '../options/RefreshOptions';
import { useSettings } from '../hooks/useSettings';

export function OptionsPage() {
  const [settings, update, refused] = useSettings();
  if (!settings) return <p className="muted">Reading settings…</p>;
  return (
    <main className="options-page">
      <h1>Reddit Trend Radar — options</h1>
      {refused && (
        <p className="status error" role="alert" data-testid="settings-refused">
          {refused}
        </p>
      )}
      <CommunityOptions settings={settings} update={update} />
      <RefreshOptions settings={settings} update={update} />
      <ReportOptions settings={settings} update={update} />
      <WatchOptions settings={settings} update={update} />
      <ModelOptions settings={settings} update={update} />
      <DataOptions settings={settings} update={update} />
      <HealthOptions />
    </main>
  );
}
