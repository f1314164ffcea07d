/**
 * One short, soft tone (WebAudio) for a new alert, only when the tablet's `alertSound`
 * preference is on. Never repeated automatically: the darkened room is low-stimulation and
 * alerts are visual first (issue 3). Silently does nothing where audio is unavailable.
 */
export function playSoftBeep(): void {
  const AudioCtor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (AudioCtor === undefined) return;
  try {
    const ctx = new AudioCtor();
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.06, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.onended = () => void ctx.close();
    osc.start(t);
    osc.stop(t + 0.4);
  } catch {
    // Audio is a courtesy; the visual alert is what counts.
  }
}
