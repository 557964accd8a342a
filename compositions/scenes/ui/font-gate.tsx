import React, { useCallback, useEffect, useRef, useState } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';
import { loadFonts } from './fonts';

/**
 * Renders its children only once the fonts are in: layouts measure text (shrink-to-fit names,
 * wrapped rows), and a measurement taken with a fallback font would place the layers wrongly.
 */
export const FontGate: React.FC<{ children: React.ReactNode }> = ({ children }) => {
  const [ready, setReady] = useState(false);
  const [handle] = useState(() => delayRender('Loading Titillium Web'));
  const released = useRef(false);
  // Stable (handle never changes), so the effects below still run once and when `ready` changes.
  const release = useCallback((): void => {
    if (released.current) return;
    released.current = true;
    continueRender(handle);
  }, [handle]);
  useEffect(() => {
    let live = true;
    loadFonts().then(
      () => live && setReady(true),
      (err: unknown) => cancelRender(err),
    );
    return () => {
      live = false;
      release();
    };
  }, [release]);
  // Released only after the children have committed, so the first captured frame has them.
  useEffect(() => {
    if (ready) release();
  }, [ready, release]);
  return ready ? <>{children}</> : null;
};
