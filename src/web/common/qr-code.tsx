import { useMemo } from 'react';
import { encode } from 'uqr';

type QrCodeProps = {
  /** What the code encodes, usually an absolute URL. */
  value: string;
  /** Accessible name: what the code is for (the value itself is shown as text beside it). */
  label: string;
  /** Rendered width and height in CSS pixels; the SVG scales cleanly for print. */
  size?: number;
};

/** Dark modules as one SVG path: a few hundred bytes, sharp on screen and paper. */
function modulePath(data: boolean[][], border: number): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + border} ${y + border}h1v1h-1z`);
    });
  });
  return parts.join('');
}

/**
 * A QR code drawn in the browser, so no code ever leaves the device to be rendered. Error
 * correction M survives a creased paper card; the quiet zone of 4 modules is what scanners need.
 */
export function QrCode({ value, label, size = 160 }: QrCodeProps) {
  const { path, extent } = useMemo(() => {
    const border = 4;
    const qr = encode(value, { ecc: 'M', border: 0 });
    return { path: modulePath(qr.data, border), extent: qr.size + border * 2 };
  }, [value]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
