import { brokenPageTypes, type CaptureHealth } from '@/lib/capture/health';

/** A quiet line per page type where capture looks broken (nothing found on the last pages). */
export function HealthWarnings({ health }: { health: CaptureHealth | undefined }) {
  const broken = brokenPageTypes(health);
  if (!broken.length) return null;
  return (
    <div className="health-warnings" data-testid="health-warning">
      {broken.map((b) => (
        <p key={b.type} className="banner muted" role="status">
          {b.message} Options → Capture health has a summary to report it.
        </p>
      ))}
    </div>
  );
}
