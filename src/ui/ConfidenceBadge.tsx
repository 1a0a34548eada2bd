import type { Confidence } from '../model/types';

const TEXT: Readonly<Record<Confidence, string>> = {
  documented: 'Documented by Microsoft',
  observed: 'Observed on real nodes',
  inferred: 'Inferred by hnsviz',
};

/** Visible confidence badge: documented / observed / inferred (text, not colour alone). */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  return (
    <span
      className={`hv-badge hv-badge-${confidence}`}
      title={TEXT[confidence]}
      data-confidence={confidence}
    >
      {confidence}
    </span>
  );
}
