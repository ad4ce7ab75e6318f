import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { twoFrames, type CameraFrame } from './camera-frames';

/**
 * The counter's camera, facing the elder. `onFrames` gets two frames a moment apart when the cashier asks for a face
 * check; while it runs, the button waits. Without a camera (none, or refused) the cashier uses the card.
 */
export function FaceCamera({ busy, onFrames }: { busy: boolean; onFrames: (frames: CameraFrame[]) => Promise<void> }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'starting' | 'on' | 'unavailable'>('starting');
  const [capturing, setCapturing] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    if (!navigator.mediaDevices) {
      setState('unavailable');
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false })
      .then(async (opened) => {
        stream = opened;
        if (stopped || !video.current) return opened.getTracks().forEach((track) => track.stop());
        video.current.srcObject = opened;
        await video.current.play();
        setState('on');
      })
      .catch(() => setState('unavailable'));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const check = async () => {
    if (!video.current || !canvas.current) return;
    setCapturing(true);
    try {
      await onFrames(await twoFrames(video.current, canvas.current));
    } finally {
      setCapturing(false);
    }
  };

  return (
    <div className="face-camera" data-testid="face-camera" data-state={state}>
      <video ref={video} muted playsInline className="face-camera-video" />
      <canvas ref={canvas} hidden />
      {state === 'unavailable' ? (
        <p className="muted" data-testid="face-camera-unavailable">
          {t('canteen.camera-unavailable')}
        </p>
      ) : (
        <button
          type="button"
          className="button-primary"
          disabled={state !== 'on' || busy || capturing}
          onClick={() => void check()}
          data-testid="face-check"
        >
          {capturing || busy ? t('canteen.face-checking') : t('canteen.face-check')}
        </button>
      )}
    </div>
  );
}
