import { useId } from 'react';
import { SPEED_MAX, SPEED_MIN, eventCount } from '../state/slices/trace-slice';
import type { Verbosity } from '../view-model/trace-events';
import type { Motion } from '../state/app-state';
import { Icon } from './icons';
import { useAppStore, useStoreApi } from './StoreContext';

const SPEEDS = [0.25, 0.5, 1, 2, 4].filter((v) => v >= SPEED_MIN && v <= SPEED_MAX);
const LEVELS: readonly [Verbosity, string][] = [
  ['hops', 'Hops'],
  ['layers', 'Layers'],
  ['rules', 'Rules'],
];

/** Packet Tracer-style controls: play/pause, step, scrub, speed, verbosity and motion. */
export function Playback() {
  const store = useStoreApi();
  const id = useId();
  const step = useAppStore((s) => s.step);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const verbosity = useAppStore((s) => s.verbosity);
  const motion = useAppStore((s) => s.motion);
  const n = useAppStore(eventCount);
  const st = () => store.getState();
  const jump = (k: number): void => {
    st().setPlaying(false);
    st().setStep(k);
  };
  const none = n === 0;
  return (
    <div className="hv-playback" role="group" aria-label="Playback">
      <div className="hv-transport">
        <button
          type="button"
          onClick={() => jump(0)}
          disabled={none}
          aria-label="First step (Home)"
        >
          <Icon name="first" />
        </button>
        <button
          type="button"
          onClick={() => jump(step - 1)}
          disabled={none || step <= 0}
          aria-label="Step back (←)"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="hv-primary hv-play"
          onClick={() => st().setPlaying(!playing)}
          disabled={none}
          aria-label={playing ? 'Pause (space)' : 'Play (space)'}
          aria-pressed={playing}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={() => jump(step + 1)}
          disabled={none || step >= n - 1}
          aria-label="Step forward (→)"
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          onClick={() => jump(n - 1)}
          disabled={none}
          aria-label="Last step (End)"
        >
          <Icon name="last" />
        </button>
      </div>
      <label className="hv-scrub">
        <span className="hv-step-count" aria-live="off">
          Step <output htmlFor={`${id}-scrub`}>{step + 1}</output> / {n}
        </span>
        <input
          id={`${id}-scrub`}
          type="range"
          min={-1}
          max={Math.max(0, n - 1)}
          value={step}
          disabled={none}
          aria-label="Scrub through the trace"
          aria-valuetext={`Step ${step + 1} of ${n}`}
          onChange={(e) => jump(Number(e.target.value))}
        />
      </label>
      <label>
        <span>Speed</span>
        <select value={speed} onChange={(e) => st().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <fieldset className="hv-seg">
        <legend>Detail</legend>
        {LEVELS.map(([v, label]) => (
          <label key={v}>
            <input
              type="radio"
              name={`${id}-verbosity`}
              value={v}
              checked={verbosity === v}
              onChange={() => st().setVerbosity(v)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <span>Motion</span>
        <select value={motion} onChange={(e) => st().setMotion(e.target.value as Motion)}>
          <option value="auto">Auto</option>
          <option value="on">On</option>
          <option value="off">Off (instant)</option>
        </select>
      </label>
    </div>
  );
}
