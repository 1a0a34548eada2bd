import { useId, useState } from 'react';
import type { Checkpoint as CheckpointData } from '../lessons';

/** "Predict the next hop": pick an answer, get feedback, then continue to see the hop. */
export function Checkpoint({
  checkpoint,
  onContinue,
}: {
  checkpoint: CheckpointData;
  onContinue: () => void;
}) {
  const id = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const choice = picked === null ? null : checkpoint.choices[picked];
  return (
    <div className="hv-checkpoint" role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`} className="hv-checkpoint-q">
        <strong>Predict:</strong> {checkpoint.prompt}
      </p>
      <div className="hv-choices">
        {checkpoint.choices.map((c, i) => (
          <button
            key={c.label}
            type="button"
            aria-pressed={picked === i}
            className={picked === i ? (c.correct ? 'is-right' : 'is-wrong') : undefined}
            onClick={() => setPicked(i)}
          >
            {c.label}
          </button>
        ))}
      </div>
      <p
        className="hv-feedback"
        aria-live="assertive"
        data-correct={choice ? String(choice.correct) : ''}
      >
        {choice && (
          <>
            <strong>{choice.correct ? '✓ Correct. ' : '✗ Not quite. '}</strong>
            {choice.feedback}
          </>
        )}
      </p>
      <button type="button" className="hv-primary" onClick={onContinue} disabled={picked === null}>
        Show the hop
      </button>
    </div>
  );
}
