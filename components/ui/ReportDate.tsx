/** The date picker both the popup and the report page show: today (null) or a past UTC day. */
export function ReportDate({ date, onChange, dayEnd }: { date: string | null; onChange: (d: string | null) => void; dayEnd?: string }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <label className="date">
      Report for{' '}
      <input type="date" value={date ?? today} max={today} onChange={(e) => onChange(e.target.value && e.target.value < today ? e.target.value : null)} data-testid="report-date" />
      {date && dayEnd && (
        <span className="muted" data-testid="day-end">
          {' '}
          day ending {dayEnd}
        </span>
      )}
    </label>
  );
}
