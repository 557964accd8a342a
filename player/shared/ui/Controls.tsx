import React, { useEffect, useRef } from 'react';
import { clock, type Strings } from '../i18n';
import { useFrameValue, useVolume } from '../playback/hooks';
import type { Playback } from '../playback/playback';
import { Icon } from './icons';

export const RATES = [0.75, 1, 1.25, 1.5] as const;

export interface ControlsProps {
  t: Strings;
  playback: Playback | null;
  playing: boolean;
  durationInFrames: number;
  onPlayPause(e: React.MouseEvent): void;
  /** A seek the citizen made (slider, −10 s): `from` is where playback was. */
  onSeek(to: number, from: number): void;
  captionsOn: boolean;
  onToggleCaptions(): void;
  rate: number;
  onRate(rate: number): void;
  onFullscreen(): void;
}

const Seekbar: React.FC<{ t: Strings; playback: Playback | null; durationInFrames: number; onSeek(to: number, from: number): void }> = ({
  t,
  playback,
  durationInFrames,
  onSeek,
}) => {
  // Half-second resolution: enough for the thumb and the clock, few renders.
  const half = useFrameValue(playback, (f) => Math.floor(f / 15), 0);
  const input = useRef<HTMLInputElement>(null);
  const from = useRef<number | null>(null);
  const frame = Math.min(half * 15, durationInFrames - 1);
  const total = durationInFrames / 30;
  // The native `change` fires once when the citizen lets go (or per key press): one seek event per gesture.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const commit = () => {
      const to = Number(el.value);
      onSeek(to, from.current ?? to);
      from.current = null;
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, [onSeek]);
  return (
    <div className="vg-seek">
      <span className="vg-time" aria-hidden="true">
        {clock(frame / 30)}
      </span>
      <input
        ref={input}
        type="range"
        min={0}
        max={durationInFrames - 1}
        step={30}
        value={frame}
        aria-label={t.position}
        aria-valuetext={`${clock(frame / 30)} / ${clock(total)}`}
        onChange={(e) => {
          from.current ??= playback?.getCurrentFrame() ?? 0;
          playback?.seekTo(Number(e.currentTarget.value));
        }}
      />
      <span className="vg-time" aria-hidden="true">
        {clock(total)}
      </span>
    </div>
  );
};

/** Large, labelled controls: one row for position, one for everything else. */
export const Controls: React.FC<ControlsProps> = (p) => {
  const { t, playback } = p;
  const { volume, muted } = useVolume(playback);
  return (
    <div className="vg-controls">
      <Seekbar t={t} playback={playback} durationInFrames={p.durationInFrames} onSeek={p.onSeek} />
      <div className="vg-buttons">
        <button type="button" className="vg-btn vg-btn-primary" onClick={p.onPlayPause}>
          <Icon name={p.playing ? 'pause' : 'play'} size={28} />
          <span className="vg-btn-text">{p.playing ? t.pause : t.play}</span>
        </button>
        <button
          type="button"
          className="vg-btn"
          aria-label={`${t.back10Short}: ${t.back10}`}
          onClick={() => {
            const f = playback?.getCurrentFrame() ?? 0;
            const to = Math.max(0, f - 300);
            playback?.seekTo(to);
            p.onSeek(to, f);
          }}
        >
          <Icon name="back" />
          <span className="vg-btn-text" aria-hidden="true">
            {t.back10Short}
          </span>
        </button>
        <button type="button" className="vg-btn" aria-pressed={p.captionsOn} onClick={p.onToggleCaptions}>
          <Icon name="captions" />
          <span className="vg-btn-text">{t.captions}</span>
        </button>
        <button
          type="button"
          className="vg-btn"
          aria-pressed={muted}
          aria-label={`${t.sound}: ${muted ? t.unmute : t.mute}`}
          onClick={() => (muted ? playback?.unmute() : playback?.mute())}
        >
          <Icon name={muted ? 'muted' : 'volume'} />
          <span className="vg-btn-text" aria-hidden="true">
            {t.sound}
          </span>
        </button>
        <label className="vg-btn vg-speed">
          <select value={p.rate} onChange={(e) => p.onRate(Number(e.currentTarget.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {`${String(r).replace('.', t.decimal)}×`}
              </option>
            ))}
          </select>
          <span className="vg-btn-text">{t.speed}</span>
        </label>
        <button type="button" className="vg-btn" onClick={p.onFullscreen}>
          <Icon name="fullscreen" />
          <span className="vg-btn-text">{t.fullscreenShort}</span>
        </button>
      </div>
      <div className="vg-settings">
        <label className="vg-setting vg-setting-volume">
          <Icon name="volume" />
          <span>{t.volume}</span>
          <input
            className="vg-volume"
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={muted ? 0 : volume}
            aria-valuetext={`${Math.round((muted ? 0 : volume) * 100)}%`}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              playback?.setVolume(v);
              if (v > 0 && playback?.isMuted()) playback.unmute();
            }}
          />
        </label>
      </div>
    </div>
  );
};
