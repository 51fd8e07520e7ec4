/**
 * The diagonal hatching of a chart's second series (light fill, dark stripes), so the series reads
 * apart from the first without colour. Place it in the chart's svg and fill with `url(#id)`.
 */
export function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="report-chart__fill--light" />
        <line x1="0" y1="0" x2="0" y2="6" className="report-chart__hatch" />
      </pattern>
    </defs>
  );
}
