import type { WallboardView } from '@eldercare/contracts';

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 18;

/**
 * The last 24 hours as plain SVG: a bar per hour of alerts raised, its timed part (critical and urgent) shaded, and
 * of that the part answered within the target solid.
 */
export function HourChart({ hours, caption }: { hours: WallboardView['hours']; caption: string }) {
  const top = Math.max(1, ...hours.map((hour) => hour.raised));
  const slot = WIDTH / Math.max(hours.length, 1);
  const scale = (value: number) => (value / top) * (HEIGHT - AXIS - 4);
  return (
    <figure className="hour-chart" data-testid="wallboard-hours">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={caption}>
        {hours.map((hour, index) => {
          const x = index * slot + 2;
          const width = slot - 4;
          const base = HEIGHT - AXIS;
          const label = new Date(hour.start).getHours();
          return (
            <g key={hour.start} data-raised={hour.raised}>
              <rect
                className="bar-raised"
                x={x}
                y={base - scale(hour.raised)}
                width={width}
                height={scale(hour.raised)}
              />
              <rect className="bar-timed" x={x} y={base - scale(hour.timed)} width={width} height={scale(hour.timed)} />
              <rect
                className="bar-answered"
                x={x}
                y={base - scale(hour.answeredWithinTarget)}
                width={width}
                height={scale(hour.answeredWithinTarget)}
              />
              {label % 3 === 0 && (
                <text x={x + width / 2} y={HEIGHT - 4} textAnchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
