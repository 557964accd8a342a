import { run } from './process';

export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS (EBU R128). */
  integrated: number;
  /** Highest true peak, dBTP. */
  truePeak: number;
}

/** Measures a file with ffmpeg's ebur128 filter (the same measure the acceptance check uses). */
export async function measureLoudness(file: string): Promise<LoudnessMeasurement> {
  // framelog=verbose keeps the per-100 ms lines out of stderr at the default log level.
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-'], {
    stderrInError: true,
  });
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
  const truePeak = /True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1];
  if (integrated === undefined || truePeak === undefined) throw new Error('expected an ebur128 summary with integrated loudness and true peak');
  return { integrated: integrated === '-inf' ? -Infinity : Number(integrated), truePeak: truePeak === '-inf' ? -Infinity : Number(truePeak) };
}
