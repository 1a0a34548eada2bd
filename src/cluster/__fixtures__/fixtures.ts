/** The collector files of this folder: two nodes of the reference cluster, per design. */
import { buildScenario } from '../../scenarios/index';
import { collectorText } from './collector-text';

export interface Fixture {
  readonly file: string;
  readonly text: string;
}

const AT = '2026-11-21 18:00:00Z';
const LATER = '2026-11-21 18:30:00Z';

export function clusterFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const design of ['new-l2bridge', 'new-overlay'] as const) {
    const t = buildScenario(design);
    const short = design.replace('new-', '');
    out.push(
      { file: `${short}-win-a.txt`, text: collectorText(t, 'node:win-a', { hostName: 'WIN-A', at: AT }) },
      { file: `${short}-win-b.txt`, text: collectorText(t, 'node:win-b', { hostName: 'WIN-B', at: AT }) },
    );
    if (design === 'new-l2bridge') {
      // Pod b1 was deleted on win-b; win-a's kube-proxy has not caught up (stale remote endpoint).
      const b1 = t.pods['pod:b1']?.endpointIds ?? [];
      out.push({
        file: `${short}-win-b-after.txt`,
        text: collectorText(t, 'node:win-b', { hostName: 'WIN-B', at: LATER, without: b1 }),
      });
    }
  }
  return out;
}
