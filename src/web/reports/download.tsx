/** Saves text or bytes as a file through a temporary link; works offline, nothing leaves the browser. */
export function saveFile(name: string, type: string, content: string | Uint8Array): void {
  const part: BlobPart = typeof content === 'string' ? content : (content.slice().buffer);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Props = { label: string; accessibleLabel: string; fileName: string; type: string; make: () => string | Uint8Array; className?: string };

export function DownloadButton({ label, accessibleLabel, fileName, type, make, className }: Props) {
  return (
    <button type="button" className={`report-button no-print${className ? ` ${className}` : ''}`} aria-label={accessibleLabel} onClick={() => saveFile(fileName, type, make())}>
      {label}
    </button>
  );
}
