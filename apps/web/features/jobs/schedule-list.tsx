import type { Shift } from '../../lib/api';
import { formatShift, sortShifts } from '../../lib/format';

export function ScheduleList({ schedule }: { schedule: readonly Shift[] }) {
  if (schedule.length === 0) return <p>No fixed weekly schedule.</p>;
  return (
    <ul className="schedule">
      {sortShifts(schedule).map((shift) => (
        <li key={`${shift.day}-${shift.start}-${shift.end}`}>{formatShift(shift)}</li>
      ))}
    </ul>
  );
}
