import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { readScannedCode } from './code-input';

// The Shape Detection API is not in TypeScript's DOM library yet; only what is used here.
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorInstance = { detect: (source: HTMLVideoElement) => Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats: () => Promise<string[]>;
};

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof candidate === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

/**
 * True where the browser can read QR codes itself from the camera (Chrome on Android, for one).
 * Elsewhere the scan button is not shown at all; typing the code always works.
 */
export function useQrScanSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let alive = true;
    Detector.getSupportedFormats()
      .then((formats) => alive && setSupported(formats.includes('qr_code')))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return supported;
}

type Problem = 'cameraDenied' | 'cameraFailed' | 'notACode' | null;
const scanIntervalMs = 250;

/**
 * Reads a visitor code from the camera. The picture is examined in the browser by the platform's
 * barcode detector: no frame is stored, drawn elsewhere or sent anywhere, and the camera is
 * switched off as soon as a code is read, the scan is cancelled or the page is left.
 */
export function QrScanner({ onCode, onCancel }: { onCode: (code: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem>(null);
  // The latest callback, without restarting the camera when the parent re-renders.
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const detector = new Detector({ formats: ['qr_code'] });
    const scan = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        for (const found of video.readyState >= 2 ? await detector.detect(video) : []) {
          const reading = readScannedCode(found.rawValue);
          if (reading.kind === 'valid') {
            stop();
            onCodeRef.current(reading.code);
            return;
          }
          setProblem('notACode');
        }
      } catch {
        // A frame the detector could not read; the next one may do.
      }
      if (!stopped) timer = window.setTimeout(() => void scan(), scanIntervalMs);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped) return stop();
        const video = videoRef.current;
        if (!video) return stop();
        video.srcObject = media;
        await video.play().catch(() => undefined);
        void scan();
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(error instanceof DOMException && error.name === 'NotAllowedError' ? 'cameraDenied' : 'cameraFailed');
      });
    return stop;
  }, []);

  return (
    <div className="visitor-scanner">
      <Paragraph mb="s">{t('visitors.scanIntro')}</Paragraph>
      {/* The camera view only helps to aim; what was read is announced in text below. */}
      <video ref={videoRef} className="visitor-scanner__video" muted playsInline aria-hidden="true" data-testid="qr-video" />
      <p role="status" className="visitor-scanner__status">
        {problem !== null && t(`visitors.scanProblem.${problem}`)}
      </p>
      <Button variant="secondary" id="visitor-scan-cancel" onClick={onCancel}>
        {t('visitors.scanCancel')}
      </Button>
    </div>
  );
}
