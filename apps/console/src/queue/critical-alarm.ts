const FLASH_MS = 900;

/**
 * The sound and the flashing title of a new critical alert. Browsers keep audio silent until the user has touched
 * the page, so the first click or key press anywhere unlocks it.
 */
export class CriticalAlarm {
  private audio: AudioContext | null = null;
  private flashing: ReturnType<typeof setInterval> | undefined;
  private title = '';
  private readonly unlock = () => void this.context()?.resume();
  private readonly stopFlashing = () => {
    if (this.flashing === undefined) return;
    clearInterval(this.flashing);
    this.flashing = undefined;
    document.title = this.title;
  };

  constructor() {
    window.addEventListener('pointerdown', this.unlock);
    window.addEventListener('keydown', this.unlock);
    window.addEventListener('focus', this.stopFlashing);
  }

  /** Two short beeps, made on the spot: no sound file to fail to load. */
  sound(): void {
    const audio = this.context();
    if (!audio) return;
    void audio.resume();
    for (const start of [0, 0.25]) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = 880;
      const at = audio.currentTime + start;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      tone.connect(volume).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.2);
    }
  }

  /** Alternates the tab's title with `text` until the window gets focus; nothing to do while it has it. */
  flash(text: string): void {
    if (document.hasFocus()) return;
    if (this.flashing === undefined) this.title = document.title;
    else clearInterval(this.flashing);
    let alarm = true;
    document.title = text;
    this.flashing = setInterval(() => {
      alarm = !alarm;
      document.title = alarm ? text : this.title;
    }, FLASH_MS);
  }

  dispose(): void {
    this.stopFlashing();
    window.removeEventListener('pointerdown', this.unlock);
    window.removeEventListener('keydown', this.unlock);
    window.removeEventListener('focus', this.stopFlashing);
    void this.audio?.close();
  }

  private context(): AudioContext | null {
    if (this.audio === null && typeof AudioContext !== 'undefined') this.audio = new AudioContext();
    return this.audio;
  }
}
