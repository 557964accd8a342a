import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../../compositions/common/locale';
import type { EventQueue } from '../events/event-queue';
import { ViewTracker } from '../events/tracker';
import { actionsAt, guideModel, sceneAt, type GuideModel, type TimedAction } from '../guide-model';
import { STRINGS } from '../i18n';
import type { Manifest } from '../manifest';
import { useNarratedManifest } from '../narration';
import { usePlaying, useFrameValue } from '../playback/hooks';
import type { Playback } from '../playback/playback';
import { savedFrame } from '../resume';
import { usePlaybackEvents } from '../session';
import { store } from '../token';
import { ActionBar } from './ActionBar';
import { Controls } from './Controls';
import { Extras } from './Extras';
import { PopupDialog } from './PopupDialog';
import { Rating } from './Rating';
import { Stage, type Source } from './Stage';

export interface GuideAppProps {
  initial: Manifest;
  token: string;
  tokenKey: string;
  queue: EventQueue;
  lang: Locale;
}

/** The whole interactive player, shared by the citizen page and the embed. */
export const GuideApp: React.FC<GuideAppProps> = ({ initial, token, tokenKey, queue, lang }) => {
  const t = STRINGS[lang];
  const [playback, setPlayback] = useState<Playback | null>(null);
  const modelRef = useRef<GuideModel>(null as unknown as GuideModel);
  const { manifest, waiting, holdForVoice } = useNarratedManifest(initial, token, playback, modelRef);
  const model = useMemo(() => guideModel(manifest), [manifest]);
  modelRef.current = model;
  const tracker = useMemo(() => new ViewTracker(queue, () => modelRef.current.durationInFrames), [queue]);
  const [initialFrame] = useState(() => savedFrame(tokenKey, model.storyboard));
  // Rendered MP4 when it exists: a third of the bytes of the live narration's WAVs, and decoded in
  // hardware on cheap phones. Before the render, the composition is drawn live.
  const [source] = useState<Source>(initial.media ? 'video' : 'live');
  const playing = usePlaying(playback);
  const [ended, setEnded] = useState(false);
  const [rate, setRate] = useState(1);
  const [captionsOn, setCaptionsOn] = useState(() => store.get('vg:cc') !== '0');
  const [audioOnly, setAudioOnly] = useState(false);
  type OpenPopup = { a: TimedAction; opener: HTMLElement; resume: boolean };
  const [popup, setPopup] = useState<OpenPopup | null>(null);
  const popupRef = useRef<OpenPopup | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const frameNow = () => playback?.getCurrentFrame() ?? 0;

  useEffect(() => tracker.track('view_start', { frame: initialFrame }), [tracker]); // eslint-disable-line react-hooks/exhaustive-deps -- the frame the view started at, once per tracker: not re-sent as the frame moves
  useEffect(() => {
    // For the tests and the bench: the controls' interface, nothing personal.
    if (playback) window.__videoguida = { ...window.__videoguida, playback };
  }, [playback]);
  // No voice on this server (or the engine failed): the captions carry the guide.
  useEffect(() => {
    if (manifest.narrationStatus === 'unavailable' && source === 'live') setCaptionsOn(true);
  }, [manifest.narrationStatus, source]);
  usePlaybackEvents({ playback, model, tracker, tokenKey, onEnded: () => setEnded(true), onRewound: () => setEnded(false) });

  const onPlayPause = useCallback(
    (e: React.MouseEvent) => {
      if (!playback) return;
      if (playback.isPlaying()) return playback.pause();
      if (ended) {
        playback.seekTo(0);
        setEnded(false);
      }
      // Started inside the click (phones allow sound only from a gesture), held until the voice is ready.
      if (source === 'live') holdForVoice();
      playback.play(e);
    },
    [playback, ended, holdForVoice, source],
  );

  const onSeek = useCallback(
    (to: number, from: number) => tracker.track('seek', { frame: to, value: from, sceneId: sceneAt(modelRef.current.storyboard, to).id }),
    [tracker],
  );
  const jump = useCallback(
    (sceneId: string, frame: number, e: React.MouseEvent) => {
      if (!playback) return;
      playback.seekTo(frame);
      tracker.track('chapter_jump', { frame, sceneId });
      if (!playback.isPlaying()) playback.play(e);
      card.current?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    },
    [playback, tracker],
  );
  // A string, so the frame-by-frame check re-renders only when the set of buttons changes.
  const visibleIds = useFrameValue(
    playback,
    (f) =>
      actionsAt(model.actions, f)
        .map((a) => a.action.id)
        .join(' '),
    '',
  );
  const shown = useMemo(() => {
    const ids = new Set(visibleIds.split(' '));
    return model.actions.filter((a) => ids.has(a.action.id));
  }, [visibleIds, model]);
  const sceneId = useFrameValue(playback, (f) => sceneAt(model.storyboard, f).id, model.storyboard.scenes[0]!.id);

  const openPopup = (a: TimedAction, opener: HTMLElement) => {
    const resume = playback?.isPlaying() ?? false;
    playback?.pause();
    tracker.track('popup_open', { frame: frameNow(), sceneId: a.sceneId, actionId: a.action.id });
    popupRef.current = { a, opener, resume };
    setPopup(popupRef.current);
  };
  const closePopup = useCallback(() => {
    const open = popupRef.current;
    if (!open) return;
    popupRef.current = null;
    tracker.track('popup_close', { frame: playback?.getCurrentFrame() ?? 0, sceneId: open.a.sceneId, actionId: open.a.action.id });
    setPopup(null);
    if (open.resume) playback?.play();
  }, [tracker, playback]);

  return (
    <div className="vg-app" lang={lang}>
      <div className="vg-card" ref={card}>
        <Stage
          t={t}
          manifest={manifest}
          storyboard={model.storyboard}
          source={source}
          playbackRef={setPlayback}
          playback={playback}
          durationInFrames={model.durationInFrames}
          initialFrame={initialFrame}
          rate={rate}
          playing={playing}
          ended={ended}
          waitingForAudio={waiting}
          audioOnly={audioOnly}
          cues={model.cues}
          captionsOn={captionsOn}
          onPlayPause={onPlayPause}
          onStartOver={(e) => {
            playback?.seekTo(0);
            onSeek(0, initialFrame);
            onPlayPause(e);
          }}
        />
        {manifest.narrationStatus === 'unavailable' && source === 'live' ? <p className="vg-note">{t.noAudio}</p> : null}
        <ActionBar
          t={t}
          lang={lang}
          visible={shown}
          onService={(a) => tracker.track('action_click', { frame: frameNow(), sceneId: a.sceneId, actionId: a.action.id })}
          onPopup={openPopup}
        />
        <Controls
          t={t}
          playback={playback}
          playing={playing}
          durationInFrames={model.durationInFrames}
          onPlayPause={onPlayPause}
          onSeek={onSeek}
          captionsOn={captionsOn}
          onToggleCaptions={() => {
            store.set('vg:cc', captionsOn ? '0' : '1');
            tracker.track('captions_toggle', { frame: frameNow(), value: captionsOn ? 0 : 1 });
            setCaptionsOn(!captionsOn);
          }}
          rate={rate}
          onRate={setRate}
          onFullscreen={() => void card.current?.requestFullscreen?.().catch(() => undefined)}
        />
      </div>
      {ended ? (
        <Rating
          t={t}
          onRate={(value) => tracker.track('rating', { frame: frameNow(), value })}
          onReplay={(e) => {
            playback?.seekTo(0);
            setEnded(false);
            playback?.play(e);
          }}
        />
      ) : null}
      <Extras
        t={t}
        lang={lang}
        manifest={manifest}
        storyboard={model.storyboard}
        currentSceneId={sceneId}
        audioOnly={audioOnly}
        onAudioOnly={setAudioOnly}
        onJump={jump}
        onService={(sid, actionId) => tracker.track('action_click', { frame: frameNow(), sceneId: sid, actionId })}
      />
      {popup && popup.a.action.kind === 'popup' ? (
        <PopupDialog t={t} lang={lang} popup={popup.a.action.popup} opener={popup.opener} onClose={closePopup} />
      ) : null}
    </div>
  );
};
